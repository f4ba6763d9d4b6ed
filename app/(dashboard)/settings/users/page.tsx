import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can, ROLE_LABELS } from '@/lib/auth/permissions';
import { listUsers } from '@/lib/server/users/list-users';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { CreateUserForm } from './create-user-form';
import { UserRowActions } from './user-row-actions';

export const metadata: Metadata = { title: 'Users' };

const ROLE_TONES: Record<keyof typeof ROLE_LABELS, BadgeTone> = {
  ADMIN: 'indigo',
  COMPLIANCE_OFFICER: 'blue',
  SECURITY_REVIEWER: 'yellow',
  AUDITOR: 'gray',
};

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function UsersPage() {
  const me = await requirePageUser('user:read');
  const manage = can(me.role, 'user:manage');
  const users = await listUsers({ actor: actorOf(me), input: {} });

  return (
    <div className="space-y-6">
      <PageHeader
        title="Users"
        description={
          manage
            ? 'People who may sign in, and their roles. Users are deactivated, never deleted, so the audit trail keeps pointing at them.'
            : 'People who may sign in, and their roles (read-only for your role).'
        }
      />
      {manage && (
        <Card title="Create a user">
          <CreateUserForm />
        </Card>
      )}
      {users.length === 0 ? (
        <EmptyState title="No users yet" />
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Users">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Name
                </th>
                <th scope="col" className="px-4 py-2">
                  Email
                </th>
                <th scope="col" className="px-4 py-2">
                  Role
                </th>
                <th scope="col" className="px-4 py-2">
                  Status
                </th>
                <th scope="col" className="px-4 py-2">
                  Last sign-in (UTC)
                </th>
                {manage && (
                  <th scope="col" className="px-4 py-2">
                    Manage
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => (
                <tr
                  key={u.id}
                  data-testid={`user-row-${u.email}`}
                  className={u.active ? undefined : 'bg-slate-50 text-slate-500'}
                >
                  <td className="px-4 py-2 font-medium">
                    {u.name}
                    {u.id === me.id && <span className="ml-1 text-xs text-slate-500">(you)</span>}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{u.email}</td>
                  <td className="px-4 py-2">
                    <Badge tone={ROLE_TONES[u.role]}>{ROLE_LABELS[u.role]}</Badge>
                  </td>
                  <td className="px-4 py-2">
                    <Badge tone={u.active ? 'green' : 'red'}>{u.active ? 'Active' : 'Deactivated'}</Badge>
                    {!u.hasPassword && <span className="ml-1 text-xs text-slate-500">SSO only</span>}
                    {u.hasPassword && u.ssoBound && <span className="ml-1 text-xs text-slate-500">SSO linked</span>}
                    {!u.ssoBound && u.ssoLinkApprovedAt && <span className="ml-1 text-xs text-slate-500">SSO link approved</span>}
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap">{u.lastSignInAt ? dateTime.format(u.lastSignInAt) : 'never'}</td>
                  {manage && (
                    <td className="px-4 py-2">
                      <UserRowActions
                        user={{
                          id: u.id,
                          email: u.email,
                          role: u.role,
                          active: u.active,
                          canApproveSso: u.hasPassword && !u.ssoBound && !u.ssoLinkApprovedAt,
                        }}
                        isSelf={u.id === me.id}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
