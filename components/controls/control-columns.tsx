import type { ColumnDef } from '@tanstack/react-table';
import { Badge } from '@/components/ui/badge';
import { formatTimestamp } from '@/components/ui/format';
import { CONTROL_STATE_LABELS } from '@/lib/domain/controls';
import type { ControlRow } from '@/lib/server/controls/get-controls-view';

const STATE_TONES = { ok: 'green', stale: 'yellow', gap: 'red' } as const;

/** Columns of the controls matrix: criterion, how it is evidenced, live state, records behind it. */
export const controlColumns: ColumnDef<ControlRow, unknown>[] = [
  {
    id: 'criterion',
    header: 'Criterion',
    meta: { className: 'w-64' },
    cell: ({ row: { original: c } }) => (
      <div>
        <div className="font-mono text-sm font-semibold">{c.id}</div>
        <div className="text-xs text-slate-600">{c.summary}</div>
      </div>
    ),
  },
  {
    id: 'evidencedBy',
    header: 'How ToolLedger evidences it',
    cell: ({ row }) => <span className="text-xs">{row.original.evidencedBy}</span>,
  },
  {
    id: 'state',
    header: 'Live state',
    meta: { className: 'w-56' },
    cell: ({ row: { original: c } }) => (
      <div className="space-y-1">
        <Badge tone={STATE_TONES[c.state]}>{CONTROL_STATE_LABELS[c.state]}</Badge>
        {c.findings.map((f) => (
          <div key={f.reason} className="text-xs text-slate-600">
            {f.reason}
          </div>
        ))}
      </div>
    ),
  },
  {
    id: 'records',
    header: 'Records behind it',
    meta: { className: 'w-72' },
    cell: ({ row: { original: c } }) => (
      <ul className="space-y-0.5 text-xs">
        {c.evidence.map((k) => (
          <li key={k.kind} title={k.files.join(', ')}>
            {k.label}:{' '}
            {k.count === null ? (
              <span className="text-slate-500">not recorded yet</span>
            ) : (
              <span>
                {k.count}
                {k.latestAt && <span className="text-slate-500"> · newest {formatTimestamp(k.latestAt)}</span>}
              </span>
            )}
          </li>
        ))}
      </ul>
    ),
  },
];
