import 'server-only';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { loadEngagementFor } from '@/lib/server/engagements/engagement-access';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { conflict, notFound } from '@/lib/server/errors';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZEvidencePackBuildIdInput, type TEvidencePackBuildIdInput } from '@/lib/validation/evidence-pack';
import { downloadNameOf, evidencePackDir } from './pack-files';

/**
 * A finished pack for download: where its file is, the name to give it and its SHA-256. The
 * download is an audit event. Auditors read packs like everyone with evidence:read, and a pack
 * built for an audit only while that audit is open to them (ADR 0010).
 */
export async function downloadEvidencePack(
  { actor, input }: OperationCall<TEvidencePackBuildIdInput>,
  ctx?: OperationContextInput & { dir?: string },
) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'evidence:read');
  const { buildId } = parseInput(ZEvidencePackBuildIdInput, input);
  const build = await db.evidencePackBuild.findUnique({ where: { id: buildId } });
  if (!build) throw notFound('Evidence pack');
  if (build.engagementId) await loadEngagementFor(db, actor, build.engagementId, now);
  if (build.state !== 'SUCCEEDED' || !build.fileName)
    throw conflict(`This build has no pack: it is ${build.state.toLowerCase()}`);
  const filePath = path.join(ctx?.dir ?? evidencePackDir(), build.fileName);
  const size = await stat(filePath).then(
    (s) => s.size,
    () => null,
  );
  if (size === null)
    throw notFound(`The pack's file on this instance (TOOLLEDGER_EVIDENCE_DIR; instances must share that folder)`);
  await db.$transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: 'evidencePack.downloaded',
      entityType: 'EvidencePack',
      entityId: build.id,
      after: { sha256: build.sha256, sizeBytes: size, engagementId: build.engagementId },
    }),
  );
  return { filePath, size, name: downloadNameOf(build), sha256: build.sha256! };
}
