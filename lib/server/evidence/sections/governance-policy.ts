import { governancePolicyDocumentAt } from '@/lib/server/reports/governance-policy-source';
import type { DocumentSection } from './types';

/**
 * The governance policy document (issue 13 point 5) generated from the policies in force at the
 * period end: its Markdown, the Markdown's SHA-256 and the policy versions (ids, settings hashes)
 * it was generated from. Registries are their current connections.
 */
export const governancePolicySection: DocumentSection = {
  kind: 'governance-policy',
  shape: 'document',
  async document({ db, scope }) {
    const doc = await governancePolicyDocumentAt(db, scope.to);
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
      markdown: doc.markdown,
    };
  },
};
