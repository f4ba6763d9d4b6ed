import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { Badge } from '@/components/ui/badge';
import { formatTimestamp } from '@/components/ui/format';
import {
  APPROVAL_LABELS,
  APPROVAL_TONES,
  CLASSIFICATION_LABELS,
  RESULT_LABELS,
  RESULT_TONES,
} from '@/lib/domain/invocations/labels';
import type { InvocationRow } from '@/lib/server/invocations/list-invocation-events';

/** Explorer columns: when and where the call happened, how it ended, and how it stands against enforcement. */
export const INVOCATION_COLUMNS: ColumnDef<InvocationRow, unknown>[] = [
  {
    id: 'when',
    header: 'When (UTC)',
    enableHiding: false,
    meta: { className: 'whitespace-nowrap text-xs' },
    cell: ({ row }) => (
      <Link href={`/invocations/${row.original.seq}`} className="text-indigo-700 hover:underline" data-testid="invocation-link">
        {formatTimestamp(row.original.occurredAt)}
      </Link>
    ),
  },
  { id: 'agent', header: 'Agent', meta: { className: 'font-mono text-xs' }, cell: ({ row }) => row.original.agentName },
  {
    id: 'tool',
    header: 'Tool',
    cell: ({ row: { original: e } }) => (
      <span className="whitespace-nowrap">
        {e.toolId ? (
          <Link href={`/inventory/${e.toolId}`} className="font-medium text-indigo-700 hover:underline">
            {e.toolName}
          </Link>
        ) : (
          <span className="font-medium" title="Not in the inventory">
            {e.toolName}
          </span>
        )}{' '}
        <span className="font-mono text-xs text-slate-500">{e.toolVersion}</span>
      </span>
    ),
  },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => <Badge tone={RESULT_TONES[row.original.resultStatus]}>{RESULT_LABELS[row.original.resultStatus]}</Badge>,
  },
  {
    id: 'approval',
    header: 'Enforcement',
    cell: ({ row }) => <Badge tone={APPROVAL_TONES[row.original.approval]}>{APPROVAL_LABELS[row.original.approval]}</Badge>,
  },
  {
    id: 'classification',
    header: 'Data',
    meta: { className: 'text-xs' },
    cell: ({ row }) => CLASSIFICATION_LABELS[row.original.dataClassification],
  },
  {
    id: 'duration',
    header: 'Duration',
    meta: { className: 'text-right text-xs tabular-nums whitespace-nowrap' },
    cell: ({ row }) => `${row.original.durationMs.toLocaleString('en')} ms`,
  },
  {
    id: 'permissions',
    header: 'Permissions used',
    meta: { className: 'font-mono text-xs' },
    cell: ({ row }) => row.original.permissionsUsed.join(' ') || '—',
  },
  {
    id: 'seq',
    header: 'Seq',
    meta: { className: 'text-right font-mono text-xs text-slate-500' },
    cell: ({ row }) => `#${row.original.seq}`,
  },
];
