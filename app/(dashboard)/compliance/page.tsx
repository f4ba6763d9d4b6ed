import type { Metadata } from 'next';
import Link from 'next/link';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { getComplianceMatrix, type MatrixCell, type MatrixRow } from '@/lib/server/policies/get-compliance-matrix';
import { RULE_LABELS } from '@/lib/domain/policy/evaluate';
import { TIER_LABELS } from '@/lib/domain/tiers';
import { ENVIRONMENT_LABELS, type Environment } from '@/lib/domain/types';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable } from '@/components/tables/data-table';
import { Pagination } from '@/components/tables/pagination';
import { firstParams, ZComplianceFilter, type TComplianceFilter } from '@/lib/validation/policy';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ComplianceFilters } from './compliance-filters';

export const metadata: Metadata = { title: 'Compliance matrix' };

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

function href(filter: TComplianceFilter, page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, page })) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) params.set(k, String(v));
  return `/compliance?${params.toString()}`;
}

function columnsFor(environments: Environment[]): ColumnDef<MatrixRow, unknown>[] {
  return [
    {
      id: 'version',
      header: 'Tool version',
      cell: ({ row: { original: r } }) => (
        <div data-testid={`matrix-tool-${r.toolName}`}>
          <Link href={`/inventory/${r.toolId}`} className="font-medium text-indigo-700 hover:underline">
            {r.toolName}
          </Link>
          <span className="ml-1 font-mono text-xs text-slate-500" data-testid="matrix-version">
            {r.version}
          </span>
          <div className="mt-0.5 text-xs text-slate-500">
            {TIER_LABELS[r.tier]}
            {r.trustScore !== null ? ` · score ${r.trustScore}` : ''}
          </div>
        </div>
      ),
    },
    ...environments.map(
      (e, i): ColumnDef<MatrixRow, unknown> => ({
        id: e,
        header: ENVIRONMENT_LABELS[e],
        cell: ({ row }) => <Cell cell={row.original.cells[i]!} />,
      }),
    ),
  ];
}

function Cell({ cell }: { cell: MatrixCell }) {
  const status = !cell.passes ? 'fail' : cell.covered.length ? 'covered' : 'pass';
  return (
    <div data-testid={`cell-${cell.environment}`} data-status={status}>
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
    </div>
  );
}

export default async function CompliancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requirePageUser('policy:read');
  const filter = ZComplianceFilter.parse(firstParams(await searchParams));
  const m = await getComplianceMatrix({ actor: actorOf(me), input: { ...filter, pageSize: 50 } });
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
        <DataTable label="Compliance matrix" columns={columnsFor(m.environments)} rows={m.rows} getRowId={(r) => r.toolVersionId} rowTestId="matrix-row" />
      )}
      <Pagination label="Compliance matrix pages" page={m.page} pageCount={pages} href={(p) => href(filter, p)} />
    </div>
  );
}
