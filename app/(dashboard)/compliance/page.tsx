import type { Metadata } from 'next';
import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { forbiddenOnRefusal } from '@/lib/server/guards/forbidden-on-refusal';
import { getComplianceMatrix, type MatrixRow, type MatrixSummary } from '@/lib/server/policies/get-compliance-matrix';
import { TIER_LABELS } from '@/lib/domain/tiers';
import { ENVIRONMENT_LABELS, ENVIRONMENTS, type Environment } from '@/lib/domain/types';
import { ZCompliancePageQuery, type TCompliancePageQuery } from '@/lib/validation/list-queries';
import { hrefBuilder, parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params';
import { DataTable } from '@/components/tables/data-table';
import { Pagination } from '@/components/tables/pagination';
import { filterFields, SearchFilter, SelectFilter } from '@/components/list/filters';
import { ListFilters } from '@/components/list/list-filters';
import { CELL_STATUS_LABELS, CELL_STATUS_TONES, MatrixStatusCell } from '@/components/compliance/matrix-cell';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount } from '@/components/ui/format';

export const metadata: Metadata = { title: 'Compliance matrix' };

const href = hrefBuilder<TCompliancePageQuery>('/compliance', { page: 1 });
const STATUSES = [
  { value: 'failing', label: 'Fails somewhere' },
  { value: 'covered', label: 'Passes by exception' },
  { value: 'passing', label: 'Passes everywhere' },
];
const SCOPES = [
  { value: 'latest', label: 'Latest of each tool' },
  { value: 'all', label: 'Every version' },
];

function columnsFor(environments: Environment[], mayRequest: boolean): ColumnDef<MatrixRow, unknown>[] {
  return [
    {
      id: 'version',
      header: 'Tool version',
      enableHiding: false,
      cell: ({ row: { original: r } }) => (
        <div data-testid={`matrix-tool-${r.toolName}`} className="min-w-56">
          <Link href={`/inventory/${r.toolId}`} className="font-medium text-indigo-700 hover:underline">
            {r.toolName}
          </Link>
          <span className="ml-1 font-mono text-xs text-slate-500" data-testid="matrix-version">
            {r.version}
          </span>
          <span className="ml-2 text-xs text-slate-500">
            {TIER_LABELS[r.tier]}
            {r.trustScore !== null ? ` · ${r.trustScore}` : ''}
          </span>
        </div>
      ),
    },
    ...environments.map((e, i): ColumnDef<MatrixRow, unknown> => ({
      id: e,
      header: ENVIRONMENT_LABELS[e],
      meta: { className: 'w-40' },
      cell: ({ row: { original: r } }) => (
        <MatrixStatusCell
          cell={r.cells[i]!}
          requestHref={
            mayRequest ? `/exceptions/new?toolId=${r.toolId}&toolVersionId=${r.toolVersionId}&environment=${e}` : undefined
          }
        />
      ),
    })),
  ];
}

/** The counts row above the matrix: per environment, how many versions pass, fail, or need an exception. */
function SummaryRow({ environments, summary, total }: { environments: Environment[]; summary: MatrixSummary; total: number }) {
  return (
    <dl className="grid gap-3 sm:grid-cols-3" data-testid="matrix-summary" aria-label="Summary">
      {environments.map((e) => (
        <div key={e} className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200" data-testid={`summary-${e}`}>
          <dt className="text-xs font-medium text-slate-500">
            {ENVIRONMENT_LABELS[e]} · {formatCount(total, 'version')}
          </dt>
          <dd className="mt-1 flex flex-wrap gap-1.5">
            {(['fail', 'exception', 'pass'] as const).map((s) => (
              <Link
                key={s}
                href={href({ environment: e, status: s === 'fail' ? 'failing' : s === 'exception' ? 'covered' : 'passing' })}
              >
                <Badge tone={CELL_STATUS_TONES[s]}>
                  <span className="tabular-nums" data-testid={`summary-${e}-${s}`}>
                    {summary[e]?.[s] ?? 0}
                  </span>
                  &nbsp;{CELL_STATUS_LABELS[s].toLowerCase()}
                </Badge>
              </Link>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export default async function CompliancePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const me = await requirePageUser('policy:read');
  const { query, issues } = parseSearchParams(ZCompliancePageQuery, await searchParams);
  const { hide = [], ...filter } = query;
  const m = await getComplianceMatrix({ actor: actorOf(me), input: { ...filter, pageSize: 50 } }).catch(forbiddenOnRefusal);
  const pages = Math.max(1, Math.ceil(m.total / m.pageSize));
  const f = filterFields(filter, issues);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Compliance matrix"
        description="Each tool version against each environment's policy in force. Click a status for the rules it breaks and the approved, unexpired exception that covers them."
      />
      <ListFilters query={query} issues={issues} typed={['q']} path="/compliance" label="Filter the compliance matrix">
        <SearchFilter {...f('q')} label="Tool name" placeholder="contains…" />
        <SelectFilter {...f('status')} label="Status" options={STATUSES} />
        <SelectFilter
          {...f('environment')}
          label="Environment"
          anyLabel="All"
          options={ENVIRONMENTS.map((e) => ({ value: e, label: ENVIRONMENT_LABELS[e] }))}
        />
        <SelectFilter {...f('scope')} label="Versions" anyLabel={null} options={SCOPES} />
      </ListFilters>
      <SummaryRow environments={m.environments} summary={m.summary} total={m.total} />
      <p className="text-xs text-slate-500">
        Policies in force:{' '}
        {m.environments.map((e) => (
          <Link key={e} href={`/policies/${e.toLowerCase()}`} className="mr-3 text-indigo-700 hover:underline">
            {ENVIRONMENT_LABELS[e]} v{m.policies[e].version}
          </Link>
        ))}
        {m.truncated ? ' · the scan stopped at 20,000 versions; narrow the filter' : ''}
      </p>
      {m.rows.length === 0 ? (
        <EmptyState title="No tool versions match">Change or clear the filters.</EmptyState>
      ) : (
        <DataTable
          label="Compliance matrix"
          columns={columnsFor(m.environments, can(me.role, 'exception:request'))}
          rows={m.rows}
          getRowId={(r) => r.toolVersionId}
          rowTestId="matrix-row"
          visibility={{ hidden: hide, href: (h) => href({ ...query, hide: h }) }}
        />
      )}
      <Pagination label="Compliance matrix pages" page={m.page} pageCount={pages} href={(p) => href({ ...query, page: p })} />
    </div>
  );
}
