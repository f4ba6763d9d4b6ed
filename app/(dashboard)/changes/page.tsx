import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser, actorOf } from '@/lib/server/session';
import type { Actor } from '@/lib/server/actor';
import { can } from '@/lib/auth/permissions';
import { listChangeRequests } from '@/lib/server/change-requests/list-change-requests';
import { getInbox } from '@/lib/server/change-requests/get-inbox';
import { ZListChangeRequestsQuery } from '@/lib/validation/change-request';
import { PageHeader } from '@/components/ui/page-header';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { cn } from '@/components/ui/cn';
import { ChangeRequestTable } from './change-request-table';
import { ChangeFilters } from './change-filters';

export const metadata: Metadata = { title: 'Change requests' };

type Search = Record<string, string | string[] | undefined>;

export default async function ChangesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser('changeRequest:read');
  const sp = await searchParams;
  const view = sp.view === 'inbox' ? 'inbox' : 'all';
  const raw = Object.fromEntries(Object.entries(sp).filter(([k, v]) => k !== 'view' && typeof v === 'string' && v !== ''));
  const parsed = ZListChangeRequestsQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : ZListChangeRequestsQuery.parse({});
  const reviewer = can(user.role, 'changeRequest:review');

  const tab = (v: 'all' | 'inbox', label: string) => (
    <Link href={v === 'inbox' ? '/changes?view=inbox' : '/changes'} aria-current={view === v ? 'page' : undefined} className={cn('rounded-md px-3 py-1.5 text-sm font-medium', view === v ? 'bg-indigo-50 text-indigo-700' : 'text-slate-600 hover:bg-slate-100')}>
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
            {can(user.role, 'changeRequest:create') && (
              <Link href="/changes/new" className={buttonClass('primary')}>
                New request
              </Link>
            )}
          </>
        }
      />
      <nav className="flex gap-2" aria-label="Views">
        {tab('all', 'All requests')}
        {reviewer && tab('inbox', 'My inbox')}
      </nav>
      {view === 'inbox' && reviewer ? <Inbox /> : <AllRequests actor={actorOf(user)} query={query} invalid={parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')} raw={raw} />}
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

async function AllRequests({ actor, query, invalid, raw }: { actor: Actor; query: ReturnType<typeof ZListChangeRequestsQuery.parse>; invalid: string | null; raw: Record<string, unknown> }) {
  const page = await listChangeRequests({ actor, input: query });
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const link = (p: number) => `/changes?${new URLSearchParams({ ...(raw as Record<string, string>), page: String(p) }).toString()}`;
  return (
    <div className="space-y-3">
      <ChangeFilters current={raw as Record<string, string>} />
      {invalid && (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">
          Ignored invalid filters — {invalid}
        </p>
      )}
      {page.rows.length === 0 ? (
        <EmptyState title="No change requests match">Change the filters or raise a new request.</EmptyState>
      ) : (
        <ChangeRequestTable rows={page.rows} label="Change requests" />
      )}
      <div className="flex items-center justify-between text-sm text-slate-600">
        <span>
          {page.total} request{page.total === 1 ? '' : 's'} · page {page.page} of {pages}
        </span>
        <span className="flex gap-2">
          {page.page > 1 && <Link className={buttonClass('secondary', 'sm')} href={link(page.page - 1)}>Previous</Link>}
          {page.page < pages && <Link className={buttonClass('secondary', 'sm')} href={link(page.page + 1)}>Next</Link>}
        </span>
      </div>
    </div>
  );
}
