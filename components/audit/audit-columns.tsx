import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { Badge } from '@/components/ui/badge';
import { formatTimestamp } from '@/components/ui/format';
import { AUDIT_ACTIONS, isAuditAction } from '@/lib/domain/audit-actions';
import type { AuditEventRow } from '@/lib/server/audit/list-audit-events';
import { AuditDiff } from './audit-diff';

const ACTOR_TONES = { USER: 'blue', API_KEY: 'indigo', SYSTEM: 'gray' } as const;
const ACTOR_KINDS = { USER: 'user', API_KEY: 'API key', SYSTEM: 'system' } as const;

/** Audit trail columns; `link` builds the trail filtered to one actor or one record. */
export function auditColumns(
  link: (filter: { actor?: string; entityType?: string; entityId?: string }) => string,
): ColumnDef<AuditEventRow, unknown>[] {
  return [
    {
      id: 'seq',
      header: '#',
      enableHiding: false,
      meta: { className: 'w-14 font-mono text-xs text-slate-500' },
      cell: ({ row: { original: e } }) => <span title={`hash ${e.hash}`}>{e.seq}</span>,
    },
    {
      id: 'when',
      header: 'When (UTC)',
      meta: { className: 'w-40 text-xs whitespace-nowrap' },
      cell: ({ row }) => formatTimestamp(row.original.occurredAt),
    },
    {
      id: 'actor',
      header: 'Actor',
      meta: { className: 'w-52' },
      cell: ({ row: { original: e } }) => (
        <div className="space-y-0.5">
          <Badge tone={ACTOR_TONES[e.actorType]}>{ACTOR_KINDS[e.actorType]}</Badge>
          <Link
            className="block text-sm break-words hover:underline"
            href={link({ actor: e.actorId ?? e.actorLabel })}
            data-testid="audit-actor"
          >
            {e.actorName ?? e.actorLabel}
          </Link>
          {e.actorName && <div className="text-xs break-words text-slate-500">{e.actorLabel}</div>}
        </div>
      ),
    },
    {
      id: 'action',
      header: 'Action',
      meta: { className: 'w-48' },
      cell: ({ row: { original: e } }) => (
        <span className="text-sm" title={e.action}>
          {isAuditAction(e.action) ? AUDIT_ACTIONS[e.action] : e.action}
        </span>
      ),
    },
    {
      id: 'entity',
      header: 'Record',
      meta: { className: 'w-56' },
      cell: ({ row: { original: e } }) => (
        <Link className="group block" href={link({ entityType: e.entityType, entityId: e.entityId })} data-testid="audit-entity">
          <span className="text-xs text-slate-500">{e.entityType}</span>{' '}
          <span className="font-medium break-words text-indigo-700 group-hover:underline">{e.entityName ?? e.entityId}</span>
          {e.entityName && (
            <span className="block font-mono text-[11px] text-slate-400 [overflow-wrap:anywhere]">{e.entityId}</span>
          )}
        </Link>
      ),
    },
    { id: 'changes', header: 'Changes', cell: ({ row: { original: e } }) => <AuditDiff before={e.before} after={e.after} /> },
  ];
}
