import type { Metadata } from 'next';
import Link from 'next/link';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { listAllowlist, type AllowlistRow } from '@/lib/server/change-requests/list-allowlist';
import { listAllowlistToolChoices } from '@/lib/server/change-requests/list-allowlist-tool-choices';
import { ALLOWLIST_STATUS_LABELS, checkAllowlistReview, type AllowlistStatus } from '@/lib/domain/change-requests/state-machine';
import { ZListAllowlistQuery } from '@/lib/validation/change-request';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import { TIER_LABELS } from '@/lib/domain/tiers';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { dateTime } from '../change-badges';
import { AddAllowlistForm, DecideAllowlistEntryForm, RevokeAllowlistButton } from './allowlist-forms';
import { AllowlistExports } from './allowlist-exports';

export const metadata: Metadata = { title: 'Allowlist and exports' };

type Search = Record<string, string | string[] | undefined>;
const STATUS_TONES: Record<AllowlistStatus, BadgeTone> = {
  PENDING: 'yellow',
  APPROVED: 'green',
  REJECTED: 'red',
  REVOKED: 'gray',
};
const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export default async function AllowlistPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser('allowlist:read');
  const actor = actorOf(user);
  const sp = await searchParams;
  const parsed = ZListAllowlistQuery.safeParse({ page: text(sp.page), status: text(sp.status) || undefined });
  const query = parsed.success ? parsed.data : ZListAllowlistQuery.parse({});
  const manage = can(user.role, 'allowlist:manage');
  const approve = can(user.role, 'allowlist:approve');
  const toolSearch = (text(sp.q) ?? '').slice(0, 200);
  const [entries, choices] = await Promise.all([
    listAllowlist({ actor, input: query }),
    manage ? listAllowlistToolChoices({ actor, input: { q: toolSearch } }) : null,
  ]);
  const pages = Math.max(1, Math.ceil(entries.total / entries.pageSize));
  const link = (page: number) =>
    `/changes/allowlist?${new URLSearchParams({ status: query.status, page: String(page) }).toString()}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Allowlist and client exports"
        description="Pre-approved tools skip manual review in their environment when every policy rule passes, once a security reviewer other than the person who added them approves the entry. It never waives review of its creator's own requests. The exports turn the approved set into files clients enforce natively."
      />
      <AllowlistExports />
      {manage && choices && (
        <Card title="Pre-approve a tool">
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
      <nav className="flex gap-2 text-sm" aria-label="Entry status">
        {(['LIVE', 'PENDING', 'APPROVED', 'REJECTED', 'REVOKED'] as const).map((s) => (
          <Link
            key={s}
            href={`/changes/allowlist?status=${s}`}
            aria-current={query.status === s ? 'page' : undefined}
            className={query.status === s ? 'font-semibold text-indigo-700' : 'text-slate-600 hover:underline'}
          >
            {s === 'LIVE' ? 'Current' : ALLOWLIST_STATUS_LABELS[s]}
          </Link>
        ))}
      </nav>
      {!parsed.success && (
        <p role="alert" className="text-sm text-rose-700">
          {parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}
        </p>
      )}
      {entries.rows.length === 0 ? (
        <EmptyState title="No entries here">
          Every request goes through review unless it passes every rule with no manual-review trigger.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Allowlist">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Tool
                </th>
                <th scope="col" className="px-4 py-2">
                  Environment
                </th>
                <th scope="col" className="px-4 py-2">
                  Status
                </th>
                <th scope="col" className="px-4 py-2">
                  Note
                </th>
                <th scope="col" className="px-4 py-2">
                  Added by
                </th>
                <th scope="col" className="px-4 py-2">
                  Reviewed by
                </th>
                {(manage || approve) && (
                  <th scope="col" className="px-4 py-2">
                    Actions
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entries.rows.map((e) => (
                <tr key={e.id} data-testid="allowlist-row" data-status={e.status}>
                  <td className="px-4 py-2 font-medium">
                    {e.tool.name}
                    <span className="ml-1 text-xs text-slate-500">{TIER_LABELS[e.tool.tier]}</span>
                  </td>
                  <td className="px-4 py-2">{ENVIRONMENT_LABELS[e.environment]}</td>
                  <td className="px-4 py-2">
                    <Badge tone={STATUS_TONES[e.status]}>{ALLOWLIST_STATUS_LABELS[e.status]}</Badge>
                  </td>
                  <td className="px-4 py-2 text-slate-600">{e.note || '—'}</td>
                  <td className="px-4 py-2">
                    {e.createdBy.name} · {dateTime.format(e.createdAt)} UTC
                  </td>
                  <td className="px-4 py-2">
                    <Reviewed entry={e} />
                  </td>
                  {(manage || approve) && (
                    <td className="space-y-1 px-4 py-2">
                      {approve && <ReviewControl entry={e} userId={user.id} />}
                      {manage && (e.status === 'PENDING' || e.status === 'APPROVED') && <RevokeAllowlistButton id={e.id} />}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="flex items-center gap-3 text-sm" aria-label="Pages">
          {query.page > 1 && (
            <Link href={link(query.page - 1)} className="text-indigo-700 hover:underline">
              Previous
            </Link>
          )}
          <span>
            Page {query.page} of {pages} ({entries.total} entries)
          </span>
          {query.page < pages && (
            <Link href={link(query.page + 1)} className="text-indigo-700 hover:underline">
              Next
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

function Reviewed({ entry }: { entry: AllowlistRow }) {
  if (entry.approvedBy && entry.approvedAt)
    return (
      <>
        {entry.approvedBy.name} · {dateTime.format(entry.approvedAt)} UTC
      </>
    );
  if (entry.rejectedBy && entry.rejectedAt)
    return (
      <>
        {entry.rejectedBy.name} · {dateTime.format(entry.rejectedAt)} UTC
        {entry.reviewComment && <span className="block text-slate-600">“{entry.reviewComment}”</span>}
      </>
    );
  return <span className="text-slate-500">—</span>;
}

/** Approve/reject for the second person; the creator sees why they cannot (the same rule the server applies). */
function ReviewControl({ entry, userId }: { entry: AllowlistRow; userId: string }) {
  if (entry.status !== 'PENDING') return null;
  const check = checkAllowlistReview({ status: entry.status, userId, createdById: entry.createdById });
  if (check.ok) return <DecideAllowlistEntryForm id={entry.id} tool={entry.tool.name} />;
  return (
    <p className="text-xs text-amber-900" data-testid="allowlist-sod-note">
      {check.reason}.
    </p>
  );
}
