import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/server/session';
import { getComplianceMatrix, type MatrixCell } from '@/lib/server/policies/get-compliance-matrix';
import { RULE_LABELS } from '@/lib/domain/policy/evaluate';
import { TIER_LABELS } from '@/lib/domain/tiers';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import { firstParams, ZComplianceFilter, type TComplianceFilter } from '@/lib/validation/policy';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { buttonClass } from '@/components/ui/button';
import { ComplianceFilters } from './compliance-filters';

export const metadata: Metadata = { title: 'Compliance matrix' };

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

function href(filter: TComplianceFilter, page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, page })) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) params.set(k, String(v));
  return `/compliance?${params.toString()}`;
}

function Cell({ cell }: { cell: MatrixCell }) {
  const status = !cell.passes ? 'fail' : cell.covered.length ? 'covered' : 'pass';
  return (
    <td className="px-3 py-2 align-top" data-testid={`cell-${cell.environment}`} data-status={status}>
      <Badge tone={status === 'fail' ? 'red' : status === 'covered' ? 'yellow' : 'green'}>
        {status === 'fail' ? 'Fails' : status === 'covered' ? 'Passes by exception' : 'Passes'}
      </Badge>
      {cell.blocking.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-xs text-rose-700">
          {cell.blocking.map((b) => (
            <li key={b.rule} title={b.reason}>
              <span className="font-medium">{RULE_LABELS[b.rule]}:</span> {b.reason}
            </li>
          ))}
        </ul>
      )}
      {cell.covered.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-xs text-amber-800">
          {cell.covered.map((c) => (
            <li key={c.rule}>
              {RULE_LABELS[c.rule]} — exception <span className="font-mono">{c.exceptionId.slice(-8)}</span> until {day.format(c.expiresAt)}
            </li>
          ))}
        </ul>
      )}
      {cell.reviewTriggers.length > 0 && (
        <p className="mt-1 text-xs text-slate-500">Manual review: {cell.reviewTriggers.map((r) => r.reason).join(' ')}</p>
      )}
    </td>
  );
}

export default async function CompliancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('policy:read');
  const filter = ZComplianceFilter.parse(firstParams(await searchParams));
  const m = await getComplianceMatrix({ ...filter, pageSize: 50 });
  const pages = Math.max(1, Math.ceil(m.total / m.pageSize));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Compliance matrix"
        description="Each tool version against each environment's policy in force: the rules it breaks and the approved, unexpired exception that covers them, if any."
      />
      <Card title="Filters">
        <ComplianceFilters filter={filter} />
      </Card>
      <p className="text-sm text-slate-600">
        Policies in force:{' '}
        {m.environments.map((e) => (
          <Link key={e} href={`/policies/${e.toLowerCase()}`} className="mr-3 text-indigo-700 underline">
            {ENVIRONMENT_LABELS[e]} v{m.policies[e].version}
          </Link>
        ))}
        · {m.total} version(s){m.truncated ? ' (scan stopped at 20,000 versions; narrow the filter)' : ''}
      </p>
      {m.rows.length === 0 ? (
        <EmptyState title="No tool versions match">Change or clear the filters.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Compliance matrix">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">Tool version</th>
                {m.environments.map((e) => (
                  <th key={e} scope="col" className="px-3 py-2">
                    {ENVIRONMENT_LABELS[e]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {m.rows.map((r) => (
                <tr key={r.toolVersionId} data-testid={`matrix-row-${r.toolName}`}>
                  <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                    <Link href={`/inventory/${r.toolId}`} className="text-indigo-700 hover:underline">
                      {r.toolName}
                    </Link>
                    <span className="ml-1 font-mono text-xs text-slate-500" data-testid="matrix-version">{r.version}</span>
                    <div className="mt-0.5 text-xs font-normal text-slate-500">
                      {TIER_LABELS[r.tier]}
                      {r.trustScore !== null ? ` · score ${r.trustScore}` : ''}
                    </div>
                  </th>
                  {r.cells.map((c) => (
                    <Cell key={c.environment} cell={c} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="flex items-center gap-2 text-sm" aria-label="Pages">
          {m.page > 1 && (
            <Link className={buttonClass('secondary', 'sm')} href={href(filter, m.page - 1)}>
              Previous
            </Link>
          )}
          <span>
            Page {m.page} of {pages}
          </span>
          {m.page < pages && (
            <Link className={buttonClass('secondary', 'sm')} href={href(filter, m.page + 1)}>
              Next
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
