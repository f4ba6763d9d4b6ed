import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/server/session';
import { listEnforcementDecisions, type EnforcementLogRow } from '@/lib/server/enforcement/list-enforcement-decisions';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable } from '@/components/tables/data-table';
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

const COLUMNS: ColumnDef<EnforcementLogRow, unknown>[] = [
  { id: 'when', header: 'When (UTC)', meta: { className: 'whitespace-nowrap' }, cell: ({ row }) => dateTime.format(row.original.createdAt) },
  {
    id: 'outcome',
    header: 'Outcome',
    cell: ({ row }) => <Badge tone={row.original.outcome === 'ALLOW' ? 'green' : 'red'}>{row.original.outcome === 'ALLOW' ? 'Allowed' : 'Denied'}</Badge>,
  },
  { id: 'agent', header: 'Agent', meta: { className: 'font-mono text-xs' }, cell: ({ row }) => row.original.agentName },
  {
    id: 'tool',
    header: 'Tool',
    cell: ({ row }) => (
      <>
        <span className="font-medium">{row.original.toolName}</span> <span className="font-mono text-xs text-slate-500">{row.original.version}</span>
      </>
    ),
  },
  { id: 'action', header: 'Action', meta: { className: 'text-xs' }, cell: ({ row }) => row.original.action.toLowerCase() },
  {
    id: 'reasons',
    header: 'Reasons',
    cell: ({ row }) => (
      <>
        <ul className="space-y-0.5 text-xs">
          {reasonsOf(row.original.reasons).map((r, i) => (
            <li key={i}>{r.message}</li>
          ))}
        </ul>
        {row.original.changeRequestId && (
          <Link href={`/changes/${row.original.changeRequestId}`} className="text-xs text-indigo-700 underline">
            Change request opened
          </Link>
        )}
      </>
    ),
  },
  {
    id: 'policy',
    header: 'Policy / exception',
    meta: { className: 'text-xs whitespace-nowrap' },
    cell: ({ row }) => (
      <>
        {row.original.policyVersion !== null ? `v${row.original.policyVersion}` : '—'}
        {row.original.exceptionId && <div className="font-mono">exc. {row.original.exceptionId.slice(-8)}</div>}
      </>
    ),
  },
];

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
        <DataTable label="Enforcement decisions" columns={COLUMNS} rows={rows} getRowId={(d) => d.id} rowTestId="decision-row" />
      )}
      {nextBefore && (
        <Link href={nextHref(filter, nextBefore)} className={buttonClass('secondary', 'sm')}>
          Older attempts
        </Link>
      )}
    </div>
  );
}
