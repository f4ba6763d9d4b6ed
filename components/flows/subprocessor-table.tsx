import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { registerTable } from '@/components/tables/register-table';
import type { SubprocessorRow } from '@/lib/server/data-flows/list-subprocessors';
import { DataClassList, DataFlowStatusBadge, VendorReviewBadge } from './data-flow-badges';

const COLUMNS: ColumnDef<SubprocessorRow, unknown>[] = [
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
  { id: 'hosts', header: 'Hosts', cell: ({ row }) => row.original.externalHosts.join(', ') },
  { id: 'classes', header: 'Data classes sent', cell: ({ row }) => <DataClassList values={row.original.dataClasses} /> },
  { id: 'vendor', header: 'Vendor (publisher)', cell: ({ row }) => row.original.tool.publisher.name },
  { id: 'review', header: 'Vendor review', cell: ({ row }) => <VendorReviewBadge review={row.original.vendorReview} /> },
  { id: 'map', header: 'Map', cell: ({ row }) => <DataFlowStatusBadge status={row.original.status} /> },
];

export const SubprocessorTable = registerTable<SubprocessorRow>({
  name: 'SubprocessorTable',
  label: 'Subprocessors',
  columns: COLUMNS,
  rowTestId: 'subprocessor-row',
});
