import type { Metadata } from 'next';
import { z } from 'zod';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { listInvocationEvents } from '@/lib/server/invocations/list-invocation-events';
import { getInvocationCharts } from '@/lib/server/monitoring/get-invocation-charts';
import { InvocationCharts } from '@/components/charts/invocation-charts';
import { APPROVAL_LABELS, CLASSIFICATION_LABELS, options, RESULT_LABELS } from '@/lib/domain/invocations/labels';
import { ZInvocationCursor, ZInvocationFilter } from '@/lib/validation/invocation-filter';
import {
  buildHref,
  dateRangeIssues,
  hrefBuilder,
  parseSearchParams,
  ZHiddenColumns,
  type RawSearchParams,
} from '@/lib/validation/search-params';
import { fieldErrorsOf } from '@/lib/server/guards/action-result';
import { DataTable } from '@/components/tables/data-table';
import { Pagination } from '@/components/tables/pagination';
import { FilterBar } from '@/components/list/filter-bar';
import { DateRangeFilter, QueryIssues, SearchFilter, SelectFilter } from '@/components/list/filters';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { buttonClass } from '@/components/ui/button';
import { INVOCATION_COLUMNS } from './invocation-columns';
import { VerifyInvocationChain } from './verify-invocation-chain';

export const metadata: Metadata = { title: 'Invocations' };

const ZInvocationPageQuery = ZInvocationFilter.extend({ before: ZInvocationCursor.optional(), hide: ZHiddenColumns });
type TInvocationPageQuery = z.infer<typeof ZInvocationPageQuery>;
const href = hrefBuilder<TInvocationPageQuery>('/invocations');

export default async function InvocationsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const me = await requirePageUser('invocation:read');
  const { query, issues } = parseSearchParams(ZInvocationPageQuery, await searchParams, dateRangeIssues);
  const { hide = [], ...filter } = query;
  const { rows, nextBefore } = await listInvocationEvents({ actor: actorOf(me), input: filter });
  // Charts only when the filters are valid (the table shows what is wrong otherwise).
  const charts =
    issues.length === 0
      ? await getInvocationCharts({
          actor: actorOf(me),
          input: { agent: filter.agent, tool: filter.tool, version: filter.version, from: filter.from, to: filter.to },
        })
      : null;
  const errors = fieldErrorsOf(issues);
  const { before: _before, ...withoutCursor } = filter;
  const download = (format: 'ndjson' | 'csv' | 'ocsf') => buildHref('/api/invocations/export', { ...withoutCursor, format });
  return (
    <div className="space-y-4">
      <PageHeader
        title="Invocations"
        description="Every tool call agents reported through POST /api/v1/events, newest first, each linked to the enforcement decision in force when it arrived. Append-only and hash-chained."
      />
      <QueryIssues issues={issues} />
      <Card>
        <FilterBar
          key={JSON.stringify({ ...withoutCursor, agent: undefined, tool: undefined, version: undefined })}
          path="/invocations"
          label="Filter the invocations"
          keep={{ hide: hide.join(',') || undefined }}
        >
          <SearchFilter name="agent" label="Agent" value={filter.agent} error={errors.agent} placeholder="exact name" />
          <SearchFilter name="tool" label="Tool" value={filter.tool} error={errors.tool} placeholder="exact name" />
          <SearchFilter name="version" label="Version" value={filter.version} error={errors.version} placeholder="exact" />
          <SelectFilter
            name="status"
            label="Status"
            value={filter.status}
            error={errors.status}
            options={options(RESULT_LABELS)}
          />
          <SelectFilter
            name="classification"
            label="Data classification"
            value={filter.classification}
            error={errors.classification}
            options={options(CLASSIFICATION_LABELS)}
          />
          <SelectFilter
            name="approval"
            label="Enforcement"
            value={filter.approval}
            error={errors.approval}
            options={options(APPROVAL_LABELS)}
          />
          <DateRangeFilter from={filter.from} to={filter.to} errors={errors} />
        </FilterBar>
      </Card>
      {charts && <InvocationCharts points={charts.points} unit={charts.unit} />}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <VerifyInvocationChain canVerify={can(me.role, 'audit:verify')} />
        {can(me.role, 'invocation:export') && (
          <div className="flex gap-2">
            <a className={buttonClass('secondary')} href={download('ndjson')} download>
              Download NDJSON
            </a>
            <a className={buttonClass('secondary')} href={download('csv')} download>
              Download CSV
            </a>
            <a className={buttonClass('secondary')} href={download('ocsf')} download>
              Download OCSF
            </a>
          </div>
        )}
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No invocations match">Change or clear the filters.</EmptyState>
      ) : (
        <DataTable
          label="Invocation events"
          columns={INVOCATION_COLUMNS}
          rows={rows}
          getRowId={(e) => e.seq.toString()}
          rowTestId="invocation-row"
          visibility={{ hidden: hide, href: (h) => href({ ...query, hide: h }) }}
        />
      )}
      <Pagination
        label="Invocation pages"
        prevHref={filter.before ? href({ ...withoutCursor, hide }) : null}
        prevLabel="← Newest"
        nextHref={nextBefore ? href({ ...query, before: nextBefore }) : null}
        nextLabel="Older →"
      />
    </div>
  );
}
