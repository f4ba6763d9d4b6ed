import type { ColumnDef } from '@tanstack/react-table';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format';
import type { listApiKeys } from '@/lib/server/api-keys/list-api-keys';

export type ApiKeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];

/** API key columns; `manage` renders the revoke control for those who may. */
export function apiKeyColumns(manage?: (k: ApiKeyRow) => React.ReactNode): ColumnDef<ApiKeyRow, unknown>[] {
  const columns: ColumnDef<ApiKeyRow, unknown>[] = [
    { id: 'name', header: 'Name', enableHiding: false, meta: { className: 'font-medium' }, cell: ({ row }) => row.original.name },
    { id: 'key', header: 'Key', meta: { className: 'font-mono text-xs' }, cell: ({ row }) => `${row.original.prefix}…` },
    {
      id: 'scopes',
      header: 'Scopes',
      cell: ({ row }) => (
        <div className="flex gap-1">
          {row.original.scopes.map((s) => (
            <Badge key={s} tone="indigo">
              {s.toLowerCase()}
            </Badge>
          ))}
        </div>
      ),
    },
    {
      id: 'agent',
      header: 'Agent',
      meta: { className: 'font-mono text-xs' },
      cell: ({ row }) => row.original.agent?.name ?? 'any',
    },
    {
      id: 'created',
      header: 'Created (UTC)',
      meta: { className: 'text-xs whitespace-nowrap' },
      cell: ({ row: { original: k } }) => (
        <>
          {formatDateTime(k.createdAt)}
          <div className="text-slate-500">{k.createdBy.email}</div>
        </>
      ),
    },
    {
      id: 'lastUsed',
      header: 'Last used (UTC)',
      meta: { className: 'text-xs whitespace-nowrap' },
      cell: ({ row }) => formatDateTime(row.original.lastUsedAt, 'never'),
    },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row: { original: k } }) =>
        k.revokedAt ? (
          <Badge tone="red">Revoked {formatDateTime(k.revokedAt)}</Badge>
        ) : k.expired ? (
          <Badge tone="yellow">Expired</Badge>
        ) : (
          <Badge tone="green">Active{k.expiresAt ? ` until ${formatDateTime(k.expiresAt)}` : ''}</Badge>
        ),
    },
  ];
  if (manage) columns.push({ id: 'manage', header: 'Manage', enableHiding: false, cell: ({ row }) => manage(row.original) });
  return columns;
}
