import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { registerTable } from '@/components/tables/register-table';
import { Badge } from '@/components/ui/badge';
import { formatDate } from '@/components/ui/format';
import type { DataFlowRegisterRow } from '@/lib/server/data-flows/list-data-flow-register';
import { DataClassBadge, DataClassList, DataFlowStatusBadge } from './data-flow-badges';

const COLUMNS: ColumnDef<DataFlowRegisterRow, unknown>[] = [
  {
    id: 'tool',
    header: 'Tool',
    enableHiding: false,
    cell: ({ row: { original: r } }) => (
      <Link href={`/data-flows/${r.toolId}`} className="font-medium text-indigo-700 hover:underline">
        {r.tool.name}
      </Link>
    ),
  },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row: { original: r } }) => (
      <span className="flex flex-col gap-1">
        <DataFlowStatusBadge status={r.status} review={r.reviewReasons.length > 0} />
        {r.reviewReasons.length > 0 && (
          <span className="text-xs text-rose-800">
            {r.reviewVersion && `Version ${r.reviewVersion.version}: `}
            {r.reviewReasons.join('; ')}
          </span>
        )}
      </span>
    ),
  },
  { id: 'highest', header: 'Most sensitive', cell: ({ row }) => <DataClassBadge value={row.original.highestClass} /> },
  { id: 'classes', header: 'Data classes', cell: ({ row }) => <DataClassList values={row.original.dataClasses} /> },
  {
    id: 'hosts',
    header: 'Leaves for',
    cell: ({ row: { original: r } }) =>
      r.subprocessor ? (
        <span className="text-rose-700">{r.externalHosts.join(', ')}</span>
      ) : (
        <span className="text-slate-500">stays inside</span>
      ),
  },
  {
    id: 'minimization',
    header: 'Minimization',
    cell: ({ row: { original: r } }) =>
      r.excessInputs > 0 ? <Badge tone="yellow">{r.excessInputs} not needed</Badge> : <span className="text-slate-500">—</span>,
  },
  {
    id: 'confirmed',
    header: 'Confirmed',
    cell: ({ row: { original: r } }) => (r.confirmedBy ? `${r.confirmedBy.name}, ${formatDate(r.confirmedAt)}` : '—'),
  },
  { id: 'revision', header: 'Revision', cell: ({ row }) => row.original.revision },
];

export const DataFlowRegisterTable = registerTable<DataFlowRegisterRow>({
  name: 'DataFlowRegisterTable',
  label: 'Data flow maps',
  columns: COLUMNS,
  rowTestId: 'data-flow-row',
  rowData: (r) => ({ 'data-status': r.reviewReasons.length > 0 ? 'NEEDS_REVIEW' : r.status }),
});
