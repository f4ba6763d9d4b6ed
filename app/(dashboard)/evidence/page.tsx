import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { formatFingerprint } from '@/lib/domain/evidence/signing';
import { now } from '@/lib/server/clock';
import { getEvidencePage } from '@/lib/server/evidence/builds/get-evidence-page';
import { listEvidencePackBuilds } from '@/lib/server/evidence/builds/list-evidence-pack-builds';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { ZEngagementPacksInput } from '@/lib/validation/evidence-pack';
import { parseSearchParams } from '@/lib/validation/search-params';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { formatTimestamp } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { EvidenceBuilds } from './evidence-builds';

export const metadata: Metadata = { title: 'Evidence packs' };

export default async function EvidencePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('evidence:read');
  const actor = actorOf(user);
  const [page, builds] = await Promise.all([getEvidencePage({ actor, input: {} }), listEvidencePackBuilds({ actor, input: {} })]);
  // Linked from an audit's page: the pack is built for that engagement.
  const { query } = parseSearchParams(ZEngagementPacksInput.partial(), await searchParams);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Evidence packs"
        description="Signed, reproducible archives of the evidence for a period: CSV and JSON per kind of record, the control matrix, a report (HTML and PDF) and an OSCAL assessment-results document. Builds run in the background; anyone with the public key can verify a pack offline."
        actions={
          <Link href="/evidence/verify" className={buttonClass('secondary')}>
            Verify a pack
          </Link>
        }
      />
      <EvidenceBuilds
        initial={builds}
        canBuild={can(user.role, 'evidence:build')}
        tools={page.tools}
        toolsTruncated={page.toolsTruncated}
        today={now().toISOString().slice(0, 10)}
        engagementId={query.engagementId}
      />
      <Card title="Signing key">
        <p className="mb-2 text-xs text-slate-600">
          Every pack&apos;s manifest is signed with this Ed25519 key. Compare its fingerprint with the one in a pack&apos;s
          README, or verify with <code>npm run verify-pack -- FILE --key public-key.pem</code>. Retired keys stay listed so the
          packs they signed remain verifiable.
        </p>
        {page.keys.length === 0 ? (
          <p className="text-sm text-slate-600">No key yet: the instance makes one at its first start or first pack.</p>
        ) : (
          <ul className="space-y-3 text-xs">
            {page.keys.map((k) => (
              <li key={k.id} data-testid={`evidence-key-${k.id}`}>
                Key id <span className="font-mono font-semibold">{k.id}</span>{' '}
                {k.retiredAt ? `(retired ${formatTimestamp(k.retiredAt)})` : '(signs new packs)'}
                <div className="font-mono" data-testid="key-fingerprint">
                  SHA-256 {formatFingerprint(k.fingerprint)}
                </div>
                <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2">{k.publicKeyPem}</pre>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
