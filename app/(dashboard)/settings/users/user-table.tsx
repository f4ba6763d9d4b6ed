import type { ColumnDef } from '@tanstack/react-table';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import type { UserRow } from '@/lib/server/users/list-users';
import { DataTable } from '@/components/tables/data-table';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format';
import { UserRowActions } from './user-row-actions';

const ROLE_TONES: Record<keyof typeof ROLE_LABELS, BadgeTone> = {
  ADMIN: 'indigo',
  COMPLIANCE_OFFICER: 'blue',
  SECURITY_REVIEWER: 'yellow',
  AUDITOR: 'gray',
};

function columns(meId: string, manage: boolean): ColumnDef<UserRow, unknown>[] {
  const cols: ColumnDef<UserRow, unknown>[] = [
    {
      id: 'name',
      header: 'Name',
      meta: { className: 'font-medium' },
      cell: ({ row: { original: u } }) => (
        <>
          {u.name}
          {u.id === meId && <span className="ml-1 text-xs text-slate-500">(you)</span>}
        </>
      ),
    },
    {
      id: 'email',
      header: 'Email',
      meta: { className: 'font-mono text-xs' },
      cell: ({ row }) => row.original.email,
    },
    {
      id: 'role',
      header: 'Role',
      cell: ({ row: { original: u } }) => <Badge tone={ROLE_TONES[u.role]}>{ROLE_LABELS[u.role]}</Badge>,
    },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row: { original: u } }) => (
        <>
          <Badge tone={u.active ? 'green' : 'red'}>{u.active ? 'Active' : 'Deactivated'}</Badge>
          {u.hasPassword === false && <span className="ml-1 text-xs text-slate-500">SSO only</span>}
          {u.hasPassword === true && u.ssoBound === true && <span className="ml-1 text-xs text-slate-500">SSO linked</span>}
          {u.ssoBound === false && u.ssoLinkApprovedAt && <span className="ml-1 text-xs text-slate-500">SSO link approved</span>}
        </>
      ),
    },
    {
      id: 'lastSignIn',
      header: 'Last sign-in (UTC)',
      meta: { className: 'whitespace-nowrap' },
      cell: ({ row }) => formatDateTime(row.original.lastSignInAt, 'never'),
    },
  ];
  if (manage)
    cols.push({
      id: 'manage',
      header: 'Manage',
      cell: ({ row: { original: u } }) => (
        <UserRowActions
          user={{
            id: u.id,
            email: u.email,
            role: u.role,
            active: u.active,
            canApproveSso: u.hasPassword === true && u.ssoBound === false && !u.ssoLinkApprovedAt,
          }}
          isSelf={u.id === meId}
        />
      ),
    });
  return cols;
}

/** The user list on the shared DataTable (the Manage column only for those who may manage users). */
export function UserTable({ rows, meId, manage }: { rows: UserRow[]; meId: string; manage: boolean }) {
  return (
    <DataTable
      label="Users"
      columns={columns(meId, manage)}
      rows={rows}
      getRowId={(u) => u.id}
      rowTestId={(u) => `user-row-${u.email}`}
    />
  );
}
