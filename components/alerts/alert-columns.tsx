import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format';
import { alertKindLabel } from '@/lib/domain/alert-kinds';
import type { AlertRow } from '@/lib/server/alerts/list-alerts';

export const SEVERITY_TONE: Record<string, BadgeTone> = { CRITICAL: 'red', HIGH: 'yellow', MEDIUM: 'blue', LOW: 'gray' };
const STATE_TONE: Record<string, BadgeTone> = { OPEN: 'red', ACKNOWLEDGED: 'yellow', RESOLVED: 'green' };
export { alertKindLabel };
const lower = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

/** Alert inbox columns; `actions` renders the acknowledge/resolve buttons for those who may. */
export function alertColumns(actions?: (a: AlertRow) => React.ReactNode): ColumnDef<AlertRow, unknown>[] {
  const columns: ColumnDef<AlertRow, unknown>[] = [
    {
      id: 'severity',
      header: 'Severity',
      cell: ({ row }) => <Badge tone={SEVERITY_TONE[row.original.severity]}>{lower(row.original.severity)}</Badge>,
    },
    {
      id: 'state',
      header: 'State',
      cell: ({ row }) => <Badge tone={STATE_TONE[row.original.state]}>{lower(row.original.state)}</Badge>,
    },
    {
      id: 'alert',
      header: 'Alert',
      enableHiding: false,
      cell: ({ row: { original: a } }) => (
        <div className="min-w-64">
          <Link className="font-medium text-slate-900 hover:text-indigo-700 hover:underline" href={`/monitoring/${a.id}`}>
            {a.title}
          </Link>
          <p className="text-xs text-slate-500">{alertKindLabel(a.kind)}</p>
        </div>
      ),
    },
    {
      id: 'tool',
      header: 'Tool',
      cell: ({ row: { original: a } }) =>
        a.tool ? (
          <Link className="text-indigo-700 hover:underline" href={`/inventory/${a.tool.id}`}>
            {a.tool.name}
          </Link>
        ) : (
          <span className="text-slate-400">—</span>
        ),
    },
    {
      // Issue 11.5: who works the alert.
      id: 'assignee',
      header: 'Assignee',
      meta: { className: 'text-xs' },
      cell: ({ row: { original: a } }) =>
        a.assigneeName ? (
          <span data-testid="alert-assignee">{a.assigneeName}</span>
        ) : (
          <span className="text-slate-400">nobody</span>
        ),
    },
    {
      id: 'raised',
      header: 'Raised (UTC)',
      meta: { className: 'whitespace-nowrap text-xs' },
      cell: ({ row }) => formatDateTime(row.original.createdAt),
    },
    {
      id: 'handled',
      header: 'Handled by',
      meta: { className: 'text-xs' },
      cell: ({ row: { original: a } }) => (
        <>
          {a.acknowledgedBy && <div>acknowledged by {a.acknowledgedBy}</div>}
          {a.resolvedBy && <div>resolved by {a.resolvedBy}</div>}
          {!a.acknowledgedBy && !a.resolvedBy && <span className="text-slate-400">—</span>}
        </>
      ),
    },
  ];
  if (actions) columns.push({ id: 'actions', header: '', enableHiding: false, cell: ({ row }) => actions(row.original) });
  return columns;
}
