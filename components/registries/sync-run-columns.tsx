import type { ColumnDef } from '@tanstack/react-table';
import { formatDateTime, formatNumber } from '@/components/ui/format';
import type { listSyncRuns } from '@/lib/server/registries/list-sync-runs';

export type SyncRunRow = Awaited<ReturnType<typeof listSyncRuns>>['runs'][number];

function duration(start: Date, end: Date | null): string {
  if (!end) return 'running';
  const s = Math.max(0, Math.round((end.getTime() - start.getTime()) / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

const count = (id: keyof SyncRunRow & string, header: string): ColumnDef<SyncRunRow, unknown> => ({
  id,
  header,
  meta: { className: 'text-right tabular-nums' },
  cell: ({ row }) => formatNumber(row.original[id] as number),
});

/** Sync history columns; `status` renders the run's status badge (a client-side component of the registries page). */
export function syncRunColumns(status: (r: SyncRunRow) => React.ReactNode): ColumnDef<SyncRunRow, unknown>[] {
  return [
    {
      id: 'started',
      header: 'Started (UTC)',
      enableHiding: false,
      meta: { className: 'text-xs whitespace-nowrap' },
      cell: ({ row: { original: r } }) => (
        <>
          {formatDateTime(r.startedAt)}
          <div className="text-slate-500">{duration(r.startedAt, r.finishedAt)}</div>
        </>
      ),
    },
    { id: 'registry', header: 'Registry', cell: ({ row }) => row.original.registry.name },
    { id: 'trigger', header: 'Trigger', meta: { className: 'text-xs' }, cell: ({ row }) => row.original.trigger.toLowerCase() },
    { id: 'status', header: 'Status', cell: ({ row }) => status(row.original) },
    count('pagesDone', 'Pages'),
    count('toolsSeen', 'Tools seen'),
    count('versionsCreated', 'New versions'),
    count('recordsCreated', 'New records'),
    count('alertsRaised', 'Alerts'),
    {
      id: 'errors',
      header: 'Errors',
      meta: { className: 'max-w-md text-xs' },
      cell: ({ row: { original: r } }) => {
        const errors = (Array.isArray(r.errors) ? r.errors : []) as { message?: string }[];
        return (
          <>
            {r.error && <p className="font-medium text-rose-700">{r.error}</p>}
            {errors.length > 0 && (
              <details>
                <summary className="cursor-pointer text-slate-600">
                  {errors.length} error{errors.length === 1 ? '' : 's'}
                </summary>
                <ul className="mt-1 list-disc pl-4 text-slate-600">
                  {errors.map((e, i) => (
                    <li key={i}>{e.message}</li>
                  ))}
                </ul>
              </details>
            )}
          </>
        );
      },
    },
  ];
}
