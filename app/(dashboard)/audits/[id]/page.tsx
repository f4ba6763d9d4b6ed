import { EngagementPacks } from '@/components/evidence/engagement-packs';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { getEngagement } from '@/lib/server/engagements/get-engagement';
import { POPULATION_INFO, POPULATIONS, isPopulation } from '@/lib/domain/audits/populations';
import { REQUEST_STATE_LABELS } from '@/lib/domain/audits/requests';
import { controlForCriterion, populationsForCriterion } from '@/lib/domain/audits/criteria';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDate, formatDateTime } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { buttonClass } from '@/components/ui/button';
import { loadOrRefuse } from './load-or-refuse';

export const metadata: Metadata = { title: 'Audit' };

/** One audit: scope, populations to sample, samples drawn and the PBC list. */
export default async function EngagementPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('engagement:read');
  const { id } = await params;
  const data = await loadOrRefuse(() => getEngagement({ actor: actorOf(user), input: { engagementId: id } }));
  if (!data) notFound();
  const { engagement: e, auditors, samples, requests } = data;
  return (
    <div className="space-y-4">
      <PageHeader
        title={e.name}
        description={`${e.firm} · period ${formatDate(e.periodStart)} – ${formatDate(new Date(e.periodEnd.getTime() - 86_400_000))} (UTC) · ${e.environments.join(', ')} · ${e.criteria.join(', ')}`}
        actions={
          can(user.role, 'audit:read') && (
            <Link href={`/audit?engagement=${e.id}`} className={buttonClass('secondary')}>
              Activity in the audit trail
            </Link>
          )
        }
      />
      <p className="text-sm text-slate-600">
        Auditors: {auditors.map((a) => a.name).join(', ')} · access {formatDate(e.accessOpensAt)} – {formatDate(e.accessClosesAt)}{' '}
        (closing day excluded)
      </p>
      <Card title="Criteria in scope">
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="audit-criteria">
          {e.criteria.map((c) => (
            <li key={c} className="rounded-md p-2 ring-1 ring-slate-200">
              <Link href={`/audits/${e.id}/criteria/${c}`} className="font-mono font-medium text-indigo-700 hover:underline">
                {c}
              </Link>
              <p className="mt-1 text-xs text-slate-600">
                {controlForCriterion(c)?.summary ?? 'Not in the controls map yet.'} Records:{' '}
                {populationsForCriterion(c)
                  .map((p) => POPULATION_INFO[p].label.toLowerCase())
                  .join(', ')}
                .
              </p>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Populations of the period">
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {POPULATIONS.map((p) => (
            <li key={p} className="rounded-md p-2 ring-1 ring-slate-200">
              <Link href={`/audits/${e.id}/populations/${p}`} className="font-medium text-indigo-700 hover:underline">
                {POPULATION_INFO[p].label}
              </Link>
              <span className="ml-2 text-xs text-slate-500">{POPULATION_INFO[p].criteria.join(', ')}</span>
              <p className="mt-1 text-xs text-slate-600">{POPULATION_INFO[p].about}</p>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Samples drawn">
        {samples.length === 0 ? (
          <EmptyState title="No sample yet">Open a population and draw one with a seed.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="samples">
            {samples.map((s) => (
              <li key={s.id} className="py-2">
                <Link href={`/audits/${e.id}/samples/${s.id}`} className="font-medium text-indigo-700 hover:underline">
                  {s.size} of {s.populationSize}{' '}
                  {isPopulation(s.population) ? POPULATION_INFO[s.population].label.toLowerCase() : s.population}
                </Link>{' '}
                · seed <code className="font-mono">{s.seed}</code> · {s.drawnBy.name}, {formatDateTime(s.createdAt)}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <EngagementPacks engagementId={e.id} />
      <Card title="Requests and comments (PBC list)">
        {requests.length === 0 ? (
          <EmptyState title="No requests yet">Auditors request evidence or flag an item from a sample.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="pbc-list">
            {requests.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-2 py-2" data-testid="pbc-row">
                <Badge tone={r.state === 'ACCEPTED' ? 'green' : r.state === 'ANSWERED' ? 'blue' : 'yellow'}>
                  {REQUEST_STATE_LABELS[r.state]}
                </Badge>
                {r.overdue && <Badge tone="red">Overdue</Badge>}
                <Link href={`/audits/${e.id}/requests/${r.id}`} className="font-medium text-indigo-700 hover:underline">
                  {r.kind === 'FLAG' ? 'Flag' : 'Request'} on{' '}
                  {isPopulation(r.population) ? POPULATION_INFO[r.population].noun : r.population}{' '}
                  <span className="font-mono text-xs">{r.recordId}</span>
                </Link>
                <span className="text-slate-600">
                  {r.requestedBy.name} · due {formatDateTime(r.dueAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
