import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { listAuditEvents } from '@/lib/server/audit/list-audit-events';
import { listEngagements } from '@/lib/server/engagements/list-engagements';
import { parseAuditPageQuery, type TAuditPageQuery } from '@/lib/validation/audit';
import { hrefBuilder, type RawSearchParams } from '@/lib/validation/search-params';
import { fieldErrorsOf } from '@/lib/server/guards/action-result';
import { AUDIT_ACTION_LIST, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@/lib/domain/audit-actions';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { DataTable } from '@/components/tables/data-table';
import { Pagination } from '@/components/tables/pagination';
import { DateRangeFilter, filterFields, SearchFilter, SelectFilter } from '@/components/list/filters';
import { ListFilters } from '@/components/list/list-filters';
import { auditColumns } from '@/components/audit/audit-columns';
import { VerifyChain } from './verify-chain';
import { AuditCheckpoint } from './audit-checkpoint';

export const metadata: Metadata = { title: 'Audit trail' };

const href = hrefBuilder<TAuditPageQuery>('/audit');

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const me = await requirePageUser('audit:read');
  const { query, issues } = parseAuditPageQuery(await searchParams);
  const { hide = [], ...filter } = query;
  const [page, audits] = await Promise.all([
    listAuditEvents({ actor: actorOf(me), input: filter }),
    can(me.role, 'engagement:read') ? listEngagements({ actor: actorOf(me), input: {} }) : [],
  ]);
  const errors = fieldErrorsOf(issues);
  const f = filterFields(filter, issues);
  const { before: _b, after: _a, ...withoutCursor } = query;

  return (
    <div className="space-y-4">
      <PageHeader
        title="Audit trail"
        description="Every change any person or machine made, newest first. The table is append-only in the database and hash-chained: verifying recomputes every link."
      />
      {can(me.role, 'audit:verify') && (
        <Card title="Chain integrity">
          <VerifyChain />
          <AuditCheckpoint />
        </Card>
      )}
      <ListFilters query={query} issues={issues} typed={['actor', 'entityId']} path="/audit" label="Filter the audit trail">
        <SelectFilter
          {...f('action')}
          label="Action"
          options={AUDIT_ACTION_LIST.map((a) => ({ value: a, label: AUDIT_ACTIONS[a] }))}
        />
        {audits.length > 0 && (
          <SelectFilter {...f('engagement')} label="Audit" options={audits.map((a) => ({ value: a.id, label: a.name }))} />
        )}
        <SelectFilter
          {...f('entityType')}
          label="Record kind"
          options={AUDIT_ENTITY_TYPES.map((t) => ({ value: t, label: t }))}
        />
        <SearchFilter {...f('actor')} label="Actor" placeholder="email, key name or id" className="sm:col-span-1" />
        <SearchFilter {...f('entityId')} label="Record id" className="sm:col-span-1" />
        <DateRangeFilter from={filter.from} to={filter.to} errors={errors} />
      </ListFilters>
      {page.rows.length === 0 ? (
        <EmptyState title="No audit records match">Change or clear the filters.</EmptyState>
      ) : (
        <DataTable
          label="Audit records"
          columns={auditColumns((f) => href(f as Partial<TAuditPageQuery>))}
          rows={page.rows}
          getRowId={(e) => e.seq}
          rowTestId="audit-row"
          visibility={{ hidden: hide, href: (h) => href({ ...query, hide: h }) }}
        />
      )}
      <Pagination
        label="Audit pages"
        prevHref={page.newerThan ? href({ ...withoutCursor, after: page.newerThan }) : null}
        prevLabel="← Newer"
        nextHref={page.olderThan ? href({ ...withoutCursor, before: page.olderThan }) : null}
        nextLabel="Older →"
      />
    </div>
  );
}
