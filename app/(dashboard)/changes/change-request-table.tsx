import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format';
import { DataTable } from '@/components/tables/data-table';
import { CHANGE_KIND_LABELS } from '@/lib/domain/change-requests/state-machine';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import type { ChangeRequestRow } from '@/lib/server/change-requests/change-request-rows';
import { ChangeStateBadge, OverdueBadge } from './change-badges';

const COLUMNS: ColumnDef<ChangeRequestRow, unknown>[] = [
  {
    id: 'tool',
    header: 'Tool',
    enableHiding: false,
    cell: ({ row: { original: r } }) => (
      <span className="font-medium whitespace-nowrap">
        <Link href={`/changes/${r.id}`} className="text-indigo-700 hover:underline">
          {r.toolName} {r.version ?? ''}
        </Link>
        {r.source !== 'USER' && (
          <Badge tone="gray" className="ml-2">
            {r.source === 'FAST_TRACK' ? 'Fast-track' : 'From enforcement'}
          </Badge>
        )}
      </span>
    ),
  },
  {
    id: 'kind',
    header: 'Kind',
    meta: { className: 'whitespace-nowrap' },
    cell: ({ row }) => CHANGE_KIND_LABELS[row.original.kind],
  },
  { id: 'agent', header: 'Agent', meta: { className: 'font-mono text-xs' }, cell: ({ row }) => row.original.agentName ?? '—' },
  { id: 'environment', header: 'Environment', cell: ({ row }) => ENVIRONMENT_LABELS[row.original.environment] },
  { id: 'state', header: 'State', cell: ({ row }) => <ChangeStateBadge state={row.original.state} /> },
  {
    id: 'requester',
    header: 'Requested by',
    meta: { className: 'whitespace-nowrap' },
    cell: ({ row }) => row.original.requesterName,
  },
  {
    id: 'due',
    header: 'Due (UTC)',
    meta: { className: 'whitespace-nowrap' },
    cell: ({ row: { original: r } }) => (
      <>
        {formatDateTime(r.dueAt)} {r.overdue && <OverdueBadge hours={r.hoursOverdue} />}
      </>
    ),
  },
];

/** Change requests on the shared DataTable (the list and the reviewer's inbox). */
export function ChangeRequestTable({
  rows,
  label,
  visibility,
}: {
  rows: ChangeRequestRow[];
  label: string;
  visibility?: { hidden: readonly string[]; href: (hidden: string[]) => string };
}) {
  return (
    <DataTable
      label={label}
      columns={COLUMNS}
      rows={rows}
      getRowId={(r) => r.id}
      rowTestId="change-request-row"
      visibility={visibility}
    />
  );
}
