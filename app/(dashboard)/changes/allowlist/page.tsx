import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { listAllowlist } from '@/lib/server/change-requests/list-allowlist';
import { listAllowlistToolChoices } from '@/lib/server/change-requests/list-allowlist-tool-choices';
import { ALLOWLIST_STATUS_LABELS } from '@/lib/domain/change-requests/state-machine';
import { ZListAllowlistQuery } from '@/lib/validation/change-request';
import { hrefBuilder, parseSearchBox, parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import { TIER_LABELS } from '@/lib/domain/tiers';
import { filterFields, SelectFilter } from '@/components/list/filters';
import { ListFilters } from '@/components/list/list-filters';
import { Pagination } from '@/components/tables/pagination';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount } from '@/components/ui/format';
import { AddAllowlistForm } from './allowlist-forms';
import { AllowlistExports } from './allowlist-exports';
import { AllowlistTable } from './allowlist-table';

export const metadata: Metadata = { title: 'Allowlist and exports' };

const DEFAULTS = { status: 'LIVE', page: 1, pageSize: 50 } as const;
const href = hrefBuilder<ReturnType<typeof ZListAllowlistQuery.parse>>('/changes/allowlist', DEFAULTS);
const STATUS_OPTIONS = (['LIVE', 'PENDING', 'APPROVED', 'REJECTED', 'REVOKED'] as const).map((s) => ({
  value: s,
  label: s === 'LIVE' ? 'Current' : ALLOWLIST_STATUS_LABELS[s],
}));

export default async function AllowlistPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePageUser('allowlist:read');
  const actor = actorOf(user);
  const sp = await searchParams;
  const { q: rawToolSearch, ...listParams } = sp;
  const { query, issues } = parseSearchParams(ZListAllowlistQuery, listParams);
  const manage = can(user.role, 'allowlist:manage');
  const approve = can(user.role, 'allowlist:approve');
  const { search: toolSearch, issue: searchIssue } = parseSearchBox(rawToolSearch);
  const [entries, choices] = await Promise.all([
    listAllowlist({ actor, input: query }),
    manage ? listAllowlistToolChoices({ actor, input: { q: toolSearch } }) : null,
  ]);
  const pages = Math.max(1, Math.ceil(entries.total / entries.pageSize));
  const f = filterFields(query, issues);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Allowlist and client exports"
        description="Pre-approved tools skip manual review in their environment when every policy rule passes, once a security reviewer other than the person who added them approves the entry. It never waives review of its creator's own requests. The exports turn the approved set into files clients enforce natively."
      />
      <AllowlistExports />
      {manage && choices && (
        <Card title="Pre-approve a tool">
          {searchIssue && (
            <p role="alert" className="mb-2 text-sm text-red-700">
              Tool search: {searchIssue}
            </p>
          )}
          {choices.total > choices.tools.length && (
            <form className="mb-3 flex items-center gap-2 text-sm" role="search" aria-label="Find a tool">
              <span className="text-slate-600" data-testid="tool-choices-cut">
                Showing {choices.tools.length} of {choices.total} tools: search to narrow.
              </span>
              <input
                name="q"
                defaultValue={toolSearch}
                aria-label="Search tools"
                className="rounded-md border border-slate-300 px-2 py-1"
              />
            </form>
          )}
          <AddAllowlistForm tools={choices.tools.map((t) => ({ id: t.id, label: `${t.name} — ${TIER_LABELS[t.tier]}` }))} />
        </Card>
      )}
      {approve && entries.pending > 0 && (
        <p className="text-sm text-amber-900" data-testid="allowlist-pending">
          {entries.pending} entr{entries.pending === 1 ? 'y awaits' : 'ies await'} a security reviewer&apos;s approval.
        </p>
      )}
      <ListFilters
        query={query}
        issues={issues}
        path="/changes/allowlist"
        label="Filter the allowlist"
        defaults={{ status: 'LIVE' }}
      >
        <SelectFilter {...f('status')} label="Status" anyLabel={null} options={STATUS_OPTIONS} />
        <SelectFilter
          {...f('environment')}
          label="Environment"
          options={ENVIRONMENTS.map((e) => ({ value: e, label: ENVIRONMENT_LABELS[e] }))}
        />
      </ListFilters>
      <p className="text-sm text-slate-600">{formatCount(entries.total, 'entry', 'entries')}</p>
      {entries.rows.length === 0 ? (
        <EmptyState title="No entries here">
          Every request goes through review unless it passes every rule with no manual-review trigger.
        </EmptyState>
      ) : (
        <AllowlistTable rows={entries.rows} userId={user.id} manage={manage} approve={approve} />
      )}
      <Pagination label="Allowlist pages" page={entries.page} pageCount={pages} href={(p) => href({ ...query, page: p })} />
    </div>
  );
}
