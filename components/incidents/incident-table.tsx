import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { IncidentStatusBadge, SeverityBadge } from '@/components/incidents/incident-badges';
import { formatDateTime } from '@/components/ui/format';
import { registerTable } from '@/components/tables/register-table';
import { incidentRef, SCENARIO_LABELS } from '@/lib/domain/incidents/labels';
import type { IncidentRow } from '@/lib/server/incidents/list-incidents';

const COLUMNS: ColumnDef<IncidentRow, unknown>[] = [
  {
    id: 'incident',
    header: 'Incident',
    enableHiding: false,
    cell: ({ row: { original: r } }) => (
      <Link href={`/incidents/${r.id}`} className="font-medium text-indigo-700 hover:underline">
        <span className="font-mono text-xs">{incidentRef(r.number)}</span> {r.title}
      </Link>
    ),
  },
  { id: 'scenario', header: 'Scenario', cell: ({ row }) => SCENARIO_LABELS[row.original.scenario] },
  { id: 'severity', header: 'Severity', cell: ({ row }) => <SeverityBadge severity={row.original.severity} /> },
  { id: 'status', header: 'Status', cell: ({ row }) => <IncidentStatusBadge status={row.original.status} /> },
  {
    id: 'quarantines',
    header: 'Quarantines in force',
    cell: ({ row }) => (row.original.activeQuarantines ? row.original.activeQuarantines : '—'),
  },
  { id: 'owner', header: 'Owner', cell: ({ row }) => row.original.ownerName },
  {
    id: 'opened',
    header: 'Opened (UTC)',
    meta: { className: 'whitespace-nowrap' },
    cell: ({ row }) => formatDateTime(row.original.openedAt),
  },
];

/** Incidents on the shared DataTable. */
export const IncidentTable = registerTable<IncidentRow>({
  name: 'IncidentTable',
  label: 'Incidents',
  columns: COLUMNS,
  rowTestId: 'incident-row',
});
