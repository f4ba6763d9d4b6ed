import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/server/session';
import { listEnforcementDecisions } from '@/lib/server/enforcement/list-enforcement-decisions';
import { firstParams } from '@/lib/validation/policy';
import { ZEnforcementLogFilter, type TEnforcementLogFilter } from '@/lib/validation/enforce';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { buttonClass } from '@/components/ui/button';
import { EnforcementFilters } from './enforcement-filters';

export const metadata: Metadata = { title: 'Enforcement log' };

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

function reasonsOf(value: unknown): { code?: string; message?: string }[] {
  return Array.isArray(value) ? (value as { code?: string; message?: string }[]) : [];
}

function nextHref(filter: TEnforcementLogFilter, before: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, before })) if (v) params.set(k, v);
  return `/enforcement?${params.toString()}`;
}

export default async function EnforcementPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('enforcement:read');
  const filter = ZEnforcementLogFilter.parse(firstParams(await searchParams));
  const { rows, nextBefore } = await listEnforcementDecisions(filter);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Enforcement log"
        description="Every attempt agents and gateways made through POST /api/v1/enforce, allowed or denied, with the reasons, the policy version and any exception used. Append-only."
      />
      <Card title="Filters">
        <EnforcementFilters filter={filter} />
      </Card>
      {rows.length === 0 ? (
        <EmptyState title="No attempts match">Change or clear the filters.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Enforcement decisions">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">When (UTC)</th>
                <th scope="col" className="px-3 py-2">Outcome</th>
                <th scope="col" className="px-3 py-2">Agent</th>
                <th scope="col" className="px-3 py-2">Tool</th>
                <th scope="col" className="px-3 py-2">Action</th>
                <th scope="col" className="px-3 py-2">Reasons</th>
                <th scope="col" className="px-3 py-2">Policy / exception</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((d) => (
                <tr key={d.id} data-testid={`decision-${d.id}`}>
                  <td className="px-3 py-2 whitespace-nowrap">{dateTime.format(d.createdAt)}</td>
                  <td className="px-3 py-2">
                    <Badge tone={d.outcome === 'ALLOW' ? 'green' : 'red'}>{d.outcome === 'ALLOW' ? 'Allowed' : 'Denied'}</Badge>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{d.agentName}</td>
                  <td className="px-3 py-2">
                    <span className="font-medium">{d.toolName}</span> <span className="font-mono text-xs text-slate-500">{d.version}</span>
                  </td>
                  <td className="px-3 py-2 text-xs">{d.action.toLowerCase()}</td>
                  <td className="px-3 py-2">
                    <ul className="space-y-0.5 text-xs">
                      {reasonsOf(d.reasons).map((r, i) => (
                        <li key={i}>{r.message}</li>
                      ))}
                    </ul>
                    {d.changeRequestId && (
                      <Link href={`/changes/${d.changeRequestId}`} className="text-xs text-indigo-700 underline">
                        Change request opened
                      </Link>
                    )}
                  </td>
                  <td className="px-3 py-2 text-xs whitespace-nowrap">
                    {d.policyVersion !== null ? `v${d.policyVersion}` : '—'}
                    {d.exceptionId && <div className="font-mono">exc. {d.exceptionId.slice(-8)}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore && (
        <Link href={nextHref(filter, nextBefore)} className={buttonClass('secondary', 'sm')}>
          Older attempts
        </Link>
      )}
    </div>
  );
}
