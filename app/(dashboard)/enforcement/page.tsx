import type { Metadata } from 'next';
import { z } from 'zod';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { listEnforcementDecisions } from '@/lib/server/enforcement/list-enforcement-decisions';
import { ZEnforcementLogFilter } from '@/lib/validation/enforce';
import {
  dateRangeIssues,
  hrefBuilder,
  parseSearchParams,
  ZHiddenColumns,
  type RawSearchParams,
} from '@/lib/validation/search-params';
import { fieldErrorsOf } from '@/lib/server/guards/action-result';
import { DataTable } from '@/components/tables/data-table';
import { Pagination } from '@/components/tables/pagination';
import { DateRangeFilter, filterFields, SearchFilter, SelectFilter } from '@/components/list/filters';
import { ListFilters } from '@/components/list/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { ENFORCEMENT_COLUMNS } from './enforcement-columns';

export const metadata: Metadata = { title: 'Enforcement log' };

const OUTCOMES = [
  { value: 'ALLOW', label: 'Allowed' },
  { value: 'DENY', label: 'Denied' },
];
const ACTIONS = [
  { value: 'INSTALL', label: 'Install' },
  { value: 'INVOKE', label: 'Invoke' },
];

const ZEnforcementPageQuery = ZEnforcementLogFilter.extend({ hide: ZHiddenColumns });
type TEnforcementPageQuery = z.infer<typeof ZEnforcementPageQuery>;
const href = hrefBuilder<TEnforcementPageQuery>('/enforcement');

export default async function EnforcementPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const me = await requirePageUser('enforcement:read');
  const { query, issues } = parseSearchParams(ZEnforcementPageQuery, await searchParams, dateRangeIssues);
  const { hide = [], ...filter } = query;
  const { rows, nextBefore } = await listEnforcementDecisions({ actor: actorOf(me), input: filter });
  const errors = fieldErrorsOf(issues);
  const f = filterFields(filter, issues);
  const { before: _before, ...withoutCursor } = query;
  return (
    <div className="space-y-4">
      <PageHeader
        title="Enforcement log"
        description="Every attempt agents and gateways made through POST /api/v1/enforce, allowed or denied, with the API key that asked, the reasons, the policy version and any exception used. Append-only."
      />
      <ListFilters query={query} issues={issues} typed={['agent', 'tool']} path="/enforcement" label="Filter the enforcement log">
        <SelectFilter {...f('outcome')} label="Outcome" options={OUTCOMES} />
        <SelectFilter {...f('action')} label="Action" options={ACTIONS} />
        <SearchFilter {...f('agent')} label="Agent" placeholder="exact name" className="sm:col-span-1" />
        <SearchFilter {...f('tool')} label="Tool" placeholder="exact name" className="sm:col-span-1" />
        <DateRangeFilter from={filter.from} to={filter.to} errors={errors} />
      </ListFilters>
      {rows.length === 0 ? (
        <EmptyState title="No attempts match">Change or clear the filters.</EmptyState>
      ) : (
        <DataTable
          label="Enforcement decisions"
          columns={ENFORCEMENT_COLUMNS}
          rows={rows}
          getRowId={(d) => d.id}
          rowTestId="decision-row"
          visibility={{ hidden: hide, href: (h) => href({ ...query, hide: h }) }}
        />
      )}
      <Pagination
        label="Enforcement log pages"
        prevHref={filter.before ? href({ ...withoutCursor }) : null}
        prevLabel="← Newest"
        nextHref={nextBefore ? href({ ...query, before: nextBefore }) : null}
        nextLabel="Older →"
      />
    </div>
  );
}
