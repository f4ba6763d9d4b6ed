import type { Metadata } from 'next';
import Link from 'next/link';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { listPoliciesInScope } from '@/lib/server/policies/list-policies-in-scope';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { PolicySettingsList } from './policy-settings';
import { slugOf } from './environments';

export const metadata: Metadata = { title: 'Policies' };

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function PoliciesPage() {
  const me = await requirePageUser('policy:read');
  // An auditor sees the environments of their open audits only (ADR 0010).
  const policies = await listPoliciesInScope({ actor: actorOf(me), input: {} });
  return (
    <div className="space-y-6">
      <PageHeader
        title="Policies"
        description="What each environment requires of a tool version before agents may use it (SOC 2 CC6.1, CC8.1). Every change adds a version; older versions stay visible with who changed what."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        {policies.map(({ environment: env, policy: p }) => {
          return (
            <Card
              key={env}
              title={`${ENVIRONMENT_LABELS[env]} · v${p.version}`}
              actions={
                <Link href={`/policies/${slugOf(env)}`} className={buttonClass('secondary', 'sm')}>
                  Details & history
                </Link>
              }
            >
              <PolicySettingsList policy={p} />
              <p className="mt-3 text-xs text-slate-500">
                {p.createdAt ? `In force since ${dateTime.format(p.createdAt)} UTC` : 'Built-in defaults'}
                {p.changeNote ? ` — “${p.changeNote}”` : ''}
              </p>
            </Card>
          );
        })}
      </div>
    </div>
  );
}
