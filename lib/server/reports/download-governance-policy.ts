import 'server-only';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZGovernancePolicyDownload, type TGovernancePolicyDownload } from '@/lib/validation/reports';
import { governancePolicyDocumentAt } from './governance-policy-source';
import { refuseAuditorGovernancePolicy } from './refuse-auditor-governance-policy';
import { governancePolicyPdf } from './governance-policy-pdf';
import { instanceName } from './instance-name';

/**
 * The governance policy document as a file, Markdown or PDF, generated from the policies in
 * force now. Each download is an audit event naming the policy versions (ids and settings
 * hashes) and the Markdown's SHA-256, so the trail tells which version of the policy left.
 */
export async function downloadGovernancePolicy(
  { actor, input }: OperationCall<TGovernancePolicyDownload>,
  ctx?: OperationContextInput,
) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'evidence:read');
  const { format } = parseInput(ZGovernancePolicyDownload, input);
  await refuseAuditorGovernancePolicy(db, actor, format);
  const document = await governancePolicyDocumentAt(db);
  await db.$transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: 'governancePolicy.downloaded',
      entityType: 'GovernancePolicy',
      entityId: format,
      after: {
        sha256: document.sha256,
        versions: document.versionLabel,
        policies: document.policies.map((p) => ({ environment: p.environment, version: p.version, id: p.id, sha256: p.sha256 })),
      },
    }),
  );
  const base = `toolledger-governance-policy-${now.toISOString().slice(0, 10)}-${document.sha256.slice(0, 12)}`;
  return format === 'md'
    ? {
        filename: `${base}.md`,
        contentType: 'text/markdown; charset=utf-8',
        sha256: document.sha256,
        body: document.markdown as string | ReadableStream<Uint8Array>,
      }
    : {
        filename: `${base}.pdf`,
        contentType: 'application/pdf',
        sha256: document.sha256,
        body: governancePolicyPdf({ instance: instanceName(), generatedAt: now }, document),
      };
}
