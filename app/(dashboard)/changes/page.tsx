import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser, actorOf } from '@/lib/server/session';
import type { Actor } from '@/lib/server/actor';
import { can } from '@/lib/auth/permissions';
import { listChangeRequests } from '@/lib/server/change-requests/list-change-requests';
import { getInbox } from '@/lib/server/change-requests/get-inbox';
import { ZListChangeRequestsQuery } from '@/lib/validation/change-request';
import { buildHref, parseSearchParams, ZHiddenColumns, type QueryIssue } from '@/lib/validation/search-params';
import { CHANGE_KIND_LABELS, CHANGE_KINDS, CHANGE_STATE_LABELS, CHANGE_STATES } from '@/lib/domain/change-requests/state-machine';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import { Pagination } from '@/components/tables/pagination';
import { FilterBar } from '@/components/list/filter-bar';
import { CheckboxFilter, filterFields, QueryIssues, SelectFilter } from '@/components/list/filters';
import { formatCount } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { buttonClass } from '@/components/ui/button';
import { PermittedLink } from '@/components/ui/permitted-link';
import { EmptyState } from '@/components/ui/empty-state';
import { cn } from '@/components/ui/cn';
import { ChangeRequestTable } from './change-request-table';

export const metadata: Metadata = { title: 'Change requests' };

const STATE_OPTIONS = [
  { value: 'OPEN', label: 'Open (in review)' },
  ...CHANGE_STATES.map((s) => ({ value: s, label: CHANGE_STATE_LABELS[s] })),
];

type Search = Record<string, string | string[] | undefined>;

const ZChangesPageQuery = ZListChangeRequestsQuery.extend({ hide: ZHiddenColumns });
type TChangesPageQuery = ReturnType<typeof ZChangesPageQuery.parse>;
// mine/overdue are true/false once parsed; in the address they are 1 or absent.
const href = (q: Partial<TChangesPageQuery>) =>
  buildHref(
    '/changes',
    { ...q, mine: q.mine ? '1' : undefined, overdue: q.overdue ? '1' : undefined },
    { page: 1, pageSize: 25 },
  );

export default async function ChangesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser('changeRequest:read');
  const sp = await searchParams;
  const view = sp.view === 'inbox' ? 'inbox' : 'all';
  const { query, issues } = parseSearchParams(ZChangesPageQuery, sp);
  const reviewer = can(user.role, 'changeRequest:review');

  const tab = (v: 'all' | 'inbox', label: string) => (
    <Link
      href={v === 'inbox' ? '/changes?view=inbox' : '/changes'}
      aria-current={view === v ? 'page' : undefined}
      className={cn(
        'rounded-md px-3 py-1.5 text-sm font-medium',
        view === v ? 'bg-indigo-50 text-indigo-700' : 'text-slate-600 hover:bg-slate-100',
      )}
    >
      {label}
    </Link>
  );

  return (
    <div className="space-y-4">
      <PageHeader
        title="Change requests"
        description="New tools, version updates, permission changes and removals: compliance review, then security review when a manual-review trigger fires. Nobody decides what they raised."
        actions={
          <>
            <Link href="/changes/allowlist" className={buttonClass('secondary')}>
              Allowlist &amp; exports
            </Link>
            <PermittedLink role={user.role} permission="changeRequest:create" href="/changes/new">
              New request
            </PermittedLink>
          </>
        }
      />
      <nav className="flex gap-2" aria-label="Views">
        {tab('all', 'All requests')}
        {reviewer && tab('inbox', 'My inbox')}
      </nav>
      {view === 'inbox' && reviewer ? <Inbox /> : <AllRequests actor={actorOf(user)} query={query} issues={issues} />}
    </div>
  );
}

async function Inbox() {
  const user = await requirePageUser('changeRequest:review');
  const rows = await getInbox({ actor: actorOf(user), input: {} });
  if (rows.length === 0) return <EmptyState title="Your inbox is empty">Nothing waits on a stage your role decides.</EmptyState>;
  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <div className="space-y-2" data-testid="inbox">
      <p className="text-sm text-slate-600">
        {rows.length} waiting on you{overdue > 0 && <span className="font-medium text-rose-700">, {overdue} overdue</span>}.
      </p>
      <ChangeRequestTable rows={rows} label="My inbox" />
    </div>
  );
}

async function AllRequests({ actor, query, issues }: { actor: Actor; query: TChangesPageQuery; issues: QueryIssue[] }) {
  const { hide = [], ...filter } = query;
  const page = await listChangeRequests({ actor, input: filter });
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const f = filterFields(filter, issues);
  return (
    <div className="space-y-3">
      <QueryIssues issues={issues} />
      <FilterBar key={JSON.stringify(filter)} path="/changes" label="Filters" keep={{ hide: hide.join(',') || undefined }}>
        <SelectFilter {...f('state')} label="State" options={STATE_OPTIONS} />
        <SelectFilter
          {...f('kind')}
          label="Kind"
          options={CHANGE_KINDS.map((k) => ({ value: k, label: CHANGE_KIND_LABELS[k] }))}
        />
        <SelectFilter
          {...f('environment')}
          label="Environment"
          options={ENVIRONMENTS.map((e) => ({ value: e, label: ENVIRONMENT_LABELS[e] }))}
        />
        <CheckboxFilter name="mine" label="Raised by me" checked={filter.mine} />
        <CheckboxFilter name="overdue" label="Overdue only" checked={filter.overdue} />
      </FilterBar>
      <p className="text-sm text-slate-600">{formatCount(page.total, 'request')}</p>
      {page.rows.length === 0 ? (
        <EmptyState title="No change requests match">Change the filters or raise a new request.</EmptyState>
      ) : (
        <ChangeRequestTable
          rows={page.rows}
          label="Change requests"
          visibility={{ hidden: hide, href: (h) => href({ ...query, hide: h }) }}
        />
      )}
      <Pagination label="Change request pages" page={page.page} pageCount={pages} href={(p) => href({ ...query, page: p })} />
    </div>
  );
}
