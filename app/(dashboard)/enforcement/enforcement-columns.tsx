import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { Badge } from '@/components/ui/badge';
import { formatTimestamp } from '@/components/ui/format';
import type { EnforcementLogRow } from '@/lib/server/enforcement/list-enforcement-decisions';

function reasonsOf(value: unknown): { code?: string; message?: string }[] {
  return Array.isArray(value) ? (value as { code?: string; message?: string }[]) : [];
}

/** Enforcement log columns: who asked (agent and API key), for what, the answer and why. */
export const ENFORCEMENT_COLUMNS: ColumnDef<EnforcementLogRow, unknown>[] = [
  {
    id: 'when',
    header: 'When (UTC)',
    enableHiding: false,
    meta: { className: 'whitespace-nowrap text-xs' },
    cell: ({ row }) => formatTimestamp(row.original.createdAt),
  },
  {
    id: 'outcome',
    header: 'Outcome',
    cell: ({ row }) => (
      <Badge tone={row.original.outcome === 'ALLOW' ? 'green' : 'red'}>
        {row.original.outcome === 'ALLOW' ? 'Allowed' : 'Denied'}
      </Badge>
    ),
  },
  { id: 'agent', header: 'Agent', meta: { className: 'font-mono text-xs' }, cell: ({ row }) => row.original.agentName },
  {
    id: 'tool',
    header: 'Tool',
    cell: ({ row: { original: d } }) => (
      <span className="whitespace-nowrap">
        {d.toolId ? (
          <Link
            href={`/inventory/${d.toolId}`}
            className="font-medium text-indigo-700 hover:underline"
            data-testid="decision-tool"
          >
            {d.toolName}
          </Link>
        ) : (
          <span className="font-medium" title="Not in the inventory">
            {d.toolName}
          </span>
        )}{' '}
        <span className="font-mono text-xs text-slate-500">{d.version}</span>
      </span>
    ),
  },
  {
    id: 'action',
    header: 'Action',
    meta: { className: 'text-xs' },
    cell: ({ row }) => (row.original.action === 'INSTALL' ? 'Install' : 'Invoke'),
  },
  {
    id: 'apiKey',
    header: 'API key',
    meta: { className: 'text-xs' },
    cell: ({ row: { original: d } }) =>
      d.apiKey ? (
        <span data-testid="decision-api-key">
          {d.apiKey.name} <span className="font-mono text-slate-500">{d.apiKey.prefix}…</span>
        </span>
      ) : (
        <span className="text-slate-400">{d.apiKeyId ? 'deleted key' : '—'}</span>
      ),
  },
  {
    id: 'reasons',
    header: 'Reasons',
    cell: ({ row: { original: d } }) => (
      <ul className="space-y-0.5 text-xs">
        {reasonsOf(d.reasons).map((r, i) => (
          <li key={i}>{r.message}</li>
        ))}
      </ul>
    ),
  },
  {
    id: 'policy',
    header: 'Policy / exception',
    meta: { className: 'text-xs whitespace-nowrap' },
    cell: ({ row: { original: d } }) => (
      <>
        {d.policyVersion !== null ? `v${d.policyVersion}` : '—'}
        {d.exceptionId && (
          <div>
            <Link href={`/exceptions/${d.exceptionId}`} className="text-indigo-700 hover:underline">
              exception {d.exceptionId.slice(-8)}
            </Link>
          </div>
        )}
      </>
    ),
  },
  {
    id: 'changeRequest',
    header: 'Change request',
    meta: { className: 'text-xs whitespace-nowrap' },
    cell: ({ row: { original: d } }) =>
      d.changeRequestId ? (
        <Link
          href={`/changes/${d.changeRequestId}`}
          className="text-indigo-700 hover:underline"
          data-testid="decision-change-request"
        >
          Open request
        </Link>
      ) : (
        <span className="text-slate-400">—</span>
      ),
  },
];
