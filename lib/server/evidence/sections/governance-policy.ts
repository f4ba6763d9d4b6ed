import { ENVIRONMENTS, type Environment } from '@/lib/domain/types';
import { instanceName } from '@/lib/server/reports/instance-name';
import { governancePolicyPdf } from '@/lib/server/reports/governance-policy-pdf';
import { governancePolicyDocumentAt } from '@/lib/server/reports/governance-policy-source';
import type { DocumentSection, SectionAttachment, SectionContext } from './types';

/** The environments the pack covers: its scope, or all of them. */
const environmentsOf = ({ scope }: SectionContext): Environment[] =>
  scope.environments.length ? ENVIRONMENTS.filter((e) => scope.environments.includes(e)) : [...ENVIRONMENTS];

/** `governance/policy-production-v3.md`: named after the policy version the document states. */
const fileBase = (environment: Environment, version: number) => `governance/policy-${environment.toLowerCase()}-v${version}`;

async function perEnvironment(ctx: SectionContext) {
  return Promise.all(
    environmentsOf(ctx).map(async (environment) => {
      const doc = await governancePolicyDocumentAt(ctx.db, ctx.scope.to, [environment]);
      return { environment, doc, base: fileBase(environment, doc.policies[0]!.version) };
    }),
  );
}

/**
 * The governance policy document (issue 13 point 5) generated from the policies in force at the
 * period end. The JSON holds the whole document (every environment) with the Markdown's SHA-256
 * and the policy versions (ids, settings hashes) it was generated from; beside it, one document
 * per environment in scope as `governance/policy-<env>-v<N>.md` and `.pdf`, versioned with that
 * environment's policy. Registries are their current connections. The Markdown is deterministic
 * (same policies, same bytes); the PDF prints the pack's generation time, like the report.
 */
export const governancePolicySection: DocumentSection = {
  kind: 'governance-policy',
  shape: 'document',
  async document(ctx) {
    const doc = await governancePolicyDocumentAt(ctx.db, ctx.scope.to);
    const documents = (await perEnvironment(ctx)).map(({ environment, doc: d, base }) => ({
      environment,
      version: d.policies[0]!.version,
      markdown: `${base}.md`,
      pdf: `${base}.pdf`,
      sha256: d.sha256,
    }));
    return {
      versions: doc.versionLabel,
      sha256: doc.sha256,
      policies: doc.policies.map((p) => ({
        environment: p.environment,
        version: p.version,
        id: p.id,
        sha256: p.sha256,
        createdAt: p.createdAt?.toISOString() ?? null,
      })),
      documents,
      markdown: doc.markdown,
    };
  },
  async attachments(ctx) {
    const files: SectionAttachment[] = [];
    for (const { doc, base } of await perEnvironment(ctx)) {
      files.push({ path: `${base}.md`, body: doc.markdown });
      files.push({
        path: `${base}.pdf`,
        body: governancePolicyPdf({ instance: instanceName(), generatedAt: ctx.generatedAt ?? ctx.scope.to }, doc),
      });
    }
    return files;
  },
};
