import type { Metadata } from 'next';
import Link from 'next/link';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { getGovernancePolicy } from '@/lib/server/reports/get-governance-policy';
import { forbiddenOnRefusal } from '@/lib/server/guards/forbidden-on-refusal';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import { MarkdownView } from '@/components/reports/markdown-view';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Governance policy' };

export default async function GovernancePolicyPage() {
  const me = await requirePageUser('evidence:read');
  // Refused to auditors (403, logged): their copy is in the audit's evidence pack (ADR 0010).
  const doc = await getGovernancePolicy({ actor: actorOf(me), input: {} }).catch(forbiddenOnRefusal);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Governance policy"
        description="The agent tool governance policy, generated from the policies configured for each environment. It changes when a policy does; its SHA-256 names the version."
        actions={
          <>
            <a
              href="/api/reports/governance-policy/md"
              className={buttonClass('secondary')}
              data-testid="download-policy-md"
              download
            >
              Download Markdown
            </a>
            <a
              href="/api/reports/governance-policy/pdf"
              className={buttonClass('primary')}
              data-testid="download-policy-pdf"
              download
            >
              Download PDF
            </a>
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card>
          <MarkdownView markdown={doc.markdown} label="Governance policy document" />
        </Card>
        <Card title="Version">
          <dl className="space-y-3 text-xs">
            <div>
              <dt className="font-medium text-slate-500">Generated from</dt>
              <dd data-testid="policy-version-label">{doc.versionLabel}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-500">Markdown SHA-256</dt>
              <dd className="font-mono break-all" data-testid="policy-sha256">
                {doc.sha256}
              </dd>
            </div>
            {doc.policies.map((p) => (
              <div key={p.environment}>
                <dt className="font-medium text-slate-500">
                  <Link href={`/policies/${p.environment.toLowerCase()}`} className="text-indigo-700 hover:underline">
                    {ENVIRONMENT_LABELS[p.environment]} policy v{p.version}
                  </Link>
                </dt>
                <dd className="font-mono break-all text-slate-600">{p.id ?? 'built-in defaults'}</dd>
                <dd className="font-mono break-all text-slate-400">{p.sha256}</dd>
              </div>
            ))}
            <div>
              <dt className="font-medium text-slate-500">Viewed</dt>
              <dd>{formatDateTime(doc.generatedAt)} UTC</dd>
            </div>
          </dl>
        </Card>
      </div>
    </div>
  );
}
