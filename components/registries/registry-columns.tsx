import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { Badge } from '@/components/ui/badge';
import { formatDateTime, formatNumber } from '@/components/ui/format';
import { REGISTRY_KIND_LABELS } from '@/lib/validation/registry';
import type { listRegistries } from '@/lib/server/registries/list-registries';

export type RegistryRow = Awaited<ReturnType<typeof listRegistries>>[number];

/** Registry list columns; `status` and `actions` come from the registries page's client components. */
export function registryColumns(
  status: (r: RegistryRow) => React.ReactNode,
  actions?: (r: RegistryRow) => React.ReactNode,
): ColumnDef<RegistryRow, unknown>[] {
  const columns: ColumnDef<RegistryRow, unknown>[] = [
    {
      id: 'registry',
      header: 'Registry',
      enableHiding: false,
      cell: ({ row: { original: r } }) => (
        <>
          <div className="font-medium">{r.name}</div>
          <div className="mt-1 flex flex-wrap items-center gap-1">
            <Badge tone="indigo">{REGISTRY_KIND_LABELS[r.kind]}</Badge>
            {!r.enabled && <Badge>Disabled</Badge>}
          </div>
          <div className="mt-1 font-mono text-xs text-slate-500">{r.baseUrl}</div>
          {typeof (r.config as { note?: unknown } | null)?.note === 'string' && (
            <p className="mt-1 text-xs text-slate-500">{(r.config as { note: string }).note}</p>
          )}
        </>
      ),
    },
    {
      id: 'tools',
      header: 'Tools',
      meta: { className: 'tabular-nums' },
      cell: ({ row }) => formatNumber(row.original.toolCount),
    },
    {
      id: 'lastSync',
      header: 'Last sync (UTC)',
      meta: { className: 'text-xs' },
      cell: ({ row: { original: r } }) => (
        <>
          {status(r)}
          {r.lastSyncAt && <div className="mt-1">{formatDateTime(r.lastSyncAt)}</div>}
          {r.lastRun && (
            <div className="text-slate-500">
              {r.lastRun.toolsSeen} tools · {r.lastRun.versionsCreated} new versions · {r.lastRun.recordsCreated} new records ·{' '}
              {r.lastRun.alertsRaised} alerts
            </div>
          )}
          {r.lastSyncError && <p className="mt-1 max-w-md text-rose-700">{r.lastSyncError}</p>}
          {r.syncCursor && <p className="mt-1 text-amber-700">Next run resumes at {r.syncCursor}</p>}
          <Link className="mt-1 block text-indigo-700 underline" href={`/registries/runs?registryId=${r.id}`}>
            History
          </Link>
        </>
      ),
    },
  ];
  if (actions)
    columns.push({
      id: 'actions',
      header: 'Actions',
      enableHiding: false,
      meta: { className: 'space-y-2' },
      cell: ({ row }) => actions(row.original),
    });
  return columns;
}
