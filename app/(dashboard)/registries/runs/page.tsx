import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listRegistries } from '@/lib/server/registries/list-registries';
import { listSyncRuns } from '@/lib/server/registries/list-sync-runs';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { ZSyncRunFilter } from '@/lib/validation/registry';
import { dateTime, SyncStatusBadge } from '../sync-status';

export const metadata: Metadata = { title: 'Sync history' };

function duration(start: Date, end: Date | null): string {
  if (!end) return 'running';
  const s = Math.max(0, Math.round((end.getTime() - start.getTime()) / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export default async function SyncRunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requirePageUser('registry:read');
  const filter = ZSyncRunFilter.parse(await searchParams);
  const [{ runs, total, pageSize }, registries] = await Promise.all([listSyncRuns({ actor: actorOf(me), input: filter }), listRegistries({ actor: actorOf(me), input: {} })]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => `/registries/runs?${new URLSearchParams({ ...(filter.registryId ? { registryId: filter.registryId } : {}), page: String(p) })}`;
  return (
    <div className="space-y-6">
      <PageHeader title="Sync history" description="Every registry sync: what it found, what it stored, what it raised, and why it stopped if it did." />
      <form className="flex items-end gap-2" aria-label="Filter sync runs">
        <label className="text-sm text-slate-700">
          Registry{' '}
          <select name="registryId" defaultValue={filter.registryId ?? ''} className="rounded-md px-2 py-1 text-sm ring-1 ring-slate-300">
            <option value="">All registries</option>
            {registries.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-white px-2 py-1 text-sm ring-1 ring-slate-300">
          Show
        </button>
      </form>
      {runs.length === 0 ? (
        <EmptyState title="No sync runs yet" />
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Sync runs">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">Started (UTC)</th>
                <th scope="col" className="px-3 py-2">Registry</th>
                <th scope="col" className="px-3 py-2">Trigger</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2 text-right">Pages</th>
                <th scope="col" className="px-3 py-2 text-right">Tools seen</th>
                <th scope="col" className="px-3 py-2 text-right">New versions</th>
                <th scope="col" className="px-3 py-2 text-right">New records</th>
                <th scope="col" className="px-3 py-2 text-right">Alerts</th>
                <th scope="col" className="px-3 py-2">Errors</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {runs.map((r) => {
                const errors = (Array.isArray(r.errors) ? r.errors : []) as { message?: string }[];
                return (
                  <tr key={r.id} data-testid="sync-run-row">
                    <td className="px-3 py-2 text-xs whitespace-nowrap">
                      {dateTime.format(r.startedAt)}
                      <div className="text-slate-500">{duration(r.startedAt, r.finishedAt)}</div>
                    </td>
                    <td className="px-3 py-2">{r.registry.name}</td>
                    <td className="px-3 py-2 text-xs">{r.trigger.toLowerCase()}</td>
                    <td className="px-3 py-2">
                      <SyncStatusBadge status={r.status} />
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{r.pagesDone}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{r.toolsSeen}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{r.versionsCreated}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{r.recordsCreated}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{r.alertsRaised}</td>
                    <td className="max-w-md px-3 py-2 text-xs">
                      {r.error && <p className="font-medium text-rose-700">{r.error}</p>}
                      {errors.length > 0 && (
                        <details>
                          <summary className="cursor-pointer text-slate-600">{errors.length} error{errors.length === 1 ? '' : 's'}</summary>
                          <ul className="mt-1 list-disc pl-4 text-slate-600">
                            {errors.map((e, i) => (
                              <li key={i}>{e.message}</li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="flex gap-3 text-sm" aria-label="Pages">
          {filter.page > 1 && <Link href={link(filter.page - 1)}>← Newer</Link>}
          <span>
            Page {filter.page} of {pages}
          </span>
          {filter.page < pages && <Link href={link(filter.page + 1)}>Older →</Link>}
        </nav>
      )}
    </div>
  );
}
