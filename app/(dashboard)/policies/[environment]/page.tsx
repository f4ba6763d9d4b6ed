import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { getCurrentPolicy } from '@/lib/server/policies/get-current-policies';
import { forbiddenOnRefusal } from '@/lib/server/guards/forbidden-on-refusal';
import { listPolicyVersions } from '@/lib/server/policies/list-policy-versions';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { PolicySettingsList } from '../policy-settings';
import { environmentFromSlug } from '../environments';
import { PolicyForm } from './policy-form';

export const metadata: Metadata = { title: 'Policy' };

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function PolicyPage({ params }: { params: Promise<{ environment: string }> }) {
  const me = await requirePageUser('policy:read');
  const environment = environmentFromSlug((await params).environment);
  if (!environment) notFound();
  const [current, versions] = await Promise.all([
    getCurrentPolicy(environment, { fresh: true }),
    listPolicyVersions({ actor: actorOf(me), input: { environment } }).catch(forbiddenOnRefusal),
  ]);
  const label = ENVIRONMENT_LABELS[environment];
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${label} policy`}
        description={`Version ${current.version} is in force. A change saves a new version; nothing is overwritten.`}
        actions={
          <Link href="/policies" className={buttonClass('ghost', 'sm')}>
            All policies
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`In force: version ${current.version}`}>
          <PolicySettingsList policy={current} />
        </Card>
        {can(me.role, 'policy:manage') && (
          <Card title="Change this policy">
            <PolicyForm key={current.version} environment={environment} version={current.version} policy={current} />
          </Card>
        )}
      </div>
      <Card title="Version history">
        <ol className="divide-y divide-slate-100" aria-label="Policy versions">
          {versions.map(({ policy, author, changes }) => (
            <li key={policy.id} className="py-3" data-testid={`policy-version-${policy.version}`}>
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone={policy.version === current.version ? 'green' : 'gray'}>v{policy.version}</Badge>
                <span className="font-medium text-slate-900">{author ? `${author.name} (${author.email})` : 'System'}</span>
                <span className="text-slate-500">{policy.createdAt ? `${dateTime.format(policy.createdAt)} UTC` : ''}</span>
              </div>
              {policy.changeNote && <p className="mt-1 text-sm text-slate-700">“{policy.changeNote}”</p>}
              <table className="mt-2 text-xs" aria-label={`Changes in version ${policy.version}`}>
                <thead className="sr-only">
                  <tr>
                    <th scope="col">Setting</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.field}>
                      <td className="pr-3 text-slate-500">{c.label}</td>
                      <td className="pr-2 text-rose-700 line-through decoration-rose-300">{c.from}</td>
                      <td className="text-emerald-700">→ {c.to}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
