import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ColumnDef } from '@tanstack/react-table';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { listPopulation } from '@/lib/server/engagements/list-population';
import type { PopulationRow } from '@/lib/server/engagements/populations/scope';
import { POPULATION_SOURCES } from '@/lib/server/engagements/populations';
import { POPULATION_INFO, isPopulation } from '@/lib/domain/audits/populations';
import { ENVIRONMENT_LABELS, type Environment } from '@/lib/domain/types';
import { ZPopulationQuery, type TPopulationQuery } from '@/lib/validation/engagement';
import { buildHref, dateRangeIssues, parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params';
import { fieldErrorsOf } from '@/lib/server/guards/action-result';
import { FilterBar } from '@/components/list/filter-bar';
import { DateRangeFilter, MultiSelectFilter, QueryIssues } from '@/components/list/filters';
import { DataTable } from '@/components/tables/data-table';
import { Pagination } from '@/components/tables/pagination';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrRefuse } from '../../load-or-refuse';
import { DrawSampleForm } from './draw-sample-form';

export const metadata: Metadata = { title: 'Population' };

type Params = Promise<{ id: string; population: string }>;

/** A population of the audit's period on the list kit, its CSV, and the sample form (auditors). */
export default async function PopulationPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<RawSearchParams>;
}) {
  const user = await requirePageUser('engagement:read');
  const { id, population } = await params;
  if (!isPopulation(population)) notFound();
  const { query, issues } = parseSearchParams(ZPopulationQuery, await searchParams, dateRangeIssues);
  const data = await loadOrRefuse(() =>
    listPopulation({ actor: actorOf(user), input: { engagementId: id, population, ...query } }),
  );
  if (!data) notFound();
  const info = POPULATION_INFO[population];
  const path = `/audits/${id}/populations/${population}`;
  const href = (q: Partial<TPopulationQuery>) => buildHref(path, { ...q, environment: q.environment?.join(',') }, { page: 1 });
  const filter = { environment: query.environment, from: query.from, to: query.to };
  const csv = buildHref(`/api/audits/${id}/populations/${population}/export`, {
    ...filter,
    environment: filter.environment?.join(','),
  });
  const columns: ColumnDef<PopulationRow, unknown>[] = [
    {
      id: 'id',
      header: 'Record',
      enableHiding: false,
      cell: ({ row: { original: r } }) => (
        <span className="font-mono text-xs whitespace-nowrap">
          {r.id}{' '}
          {r.flag && (
            <Badge tone="red" title={r.flag}>
              Unapproved
            </Badge>
          )}
        </span>
      ),
    },
    ...POPULATION_SOURCES[population].columns.map((c): ColumnDef<PopulationRow, unknown> => ({
      id: c.key,
      header: c.label,
      cell: ({ row: { original: r } }) => {
        const link = r.links?.[c.key];
        return link ? (
          <Link href={link} className="font-mono text-xs text-indigo-700 hover:underline">
            {r.cells[c.key]}
          </Link>
        ) : (
          (r.cells[c.key] ?? '')
        );
      },
    })),
  ];
  const errors = fieldErrorsOf(issues);
  return (
    <div className="space-y-4">
      <PageHeader
        title={info.label}
        description={`${info.about} Criteria: ${info.criteria.join(', ')}.`}
        actions={
          <>
            <Link href={`/audits/${id}`} className={buttonClass('secondary')}>
              Back to the audit
            </Link>
            <a href={csv} className={buttonClass('secondary')} download>
              Download CSV
            </a>
          </>
        }
      />
      <QueryIssues issues={issues} />
      <FilterBar key={JSON.stringify(filter)} path={path} label={`Filter ${info.label.toLowerCase()}`}>
        <MultiSelectFilter
          name="environment"
          label="Environment"
          values={query.environment}
          error={errors.environment}
          options={(['PRODUCTION', 'STAGING', 'DEVELOPMENT'] as Environment[]).map((e) => ({
            value: e,
            label: ENVIRONMENT_LABELS[e],
          }))}
        />
        <DateRangeFilter from={query.from} to={query.to} errors={errors} />
      </FilterBar>
      <p className="text-sm text-slate-600" data-testid="population-total">
        {formatCount(data.total, info.noun)}
      </p>
      {data.rows.length === 0 ? (
        <EmptyState title="This population is empty">Nothing of this kind in the audit’s period and scope.</EmptyState>
      ) : (
        <DataTable label={info.label} columns={columns} rows={data.rows} getRowId={(r) => r.id} rowTestId="population-row" />
      )}
      <Pagination
        label={`${info.label} pages`}
        page={data.page}
        pageCount={Math.max(1, Math.ceil(data.total / data.pageSize))}
        href={(p) => href({ ...query, page: p })}
      />
      {can(user.role, 'engagement:request') && (
        <Card title="Draw a sample">
          <p className="mb-3 text-xs text-slate-600">
            From the whole period and scope (filters above do not narrow it). Method: order the records by SHA-256 of seed +
            record id, ascending, and take the first n — anyone can redraw it offline with the CSV.
          </p>
          <DrawSampleForm engagementId={id} population={population} />
        </Card>
      )}
    </div>
  );
}
