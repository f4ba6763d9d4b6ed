import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can, ROLE_LABELS } from '@/lib/auth/permissions';
import { listUsers } from '@/lib/server/users/list-users';
import { ROLES, ZListUsersQuery } from '@/lib/validation/user';
import { hrefBuilder, parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params';
import { filterFields, SearchFilter, SelectFilter } from '@/components/list/filters';
import { ListFilters } from '@/components/list/list-filters';
import { Pagination } from '@/components/tables/pagination';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount } from '@/components/ui/format';
import { CreateUserForm } from './create-user-form';
import { UserTable } from './user-table';

export const metadata: Metadata = { title: 'Users' };

const STATUSES = [
  { value: 'active', label: 'Active' },
  { value: 'deactivated', label: 'Deactivated' },
];

const href = hrefBuilder<ReturnType<typeof ZListUsersQuery.parse>>('/settings/users', { page: 1, pageSize: 50 });

export default async function UsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const me = await requirePageUser('user:read');
  const manage = can(me.role, 'user:manage');
  const { query, issues } = parseSearchParams(ZListUsersQuery, await searchParams);
  const users = await listUsers({ actor: actorOf(me), input: query });
  const f = filterFields(query, issues);
  const pages = Math.max(1, Math.ceil(users.total / users.pageSize));

  return (
    <div className="space-y-4">
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
      <ListFilters query={query} issues={issues} typed={['q']} path="/settings/users" label="Filter users">
        <SearchFilter {...f('q')} label="Name or email" />
        <SelectFilter {...f('role')} label="Role" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        <SelectFilter {...f('status')} label="Status" options={STATUSES} />
      </ListFilters>
      <p className="text-sm text-slate-600" data-testid="result-count">
        {formatCount(users.total, 'user')}
      </p>
      {users.rows.length === 0 ? (
        <EmptyState title="No users match">Change the filters.</EmptyState>
      ) : (
        <UserTable rows={users.rows} meId={me.id} manage={manage} />
      )}
      <Pagination label="User pages" page={users.page} pageCount={pages} href={(p) => href({ ...query, page: p })} />
    </div>
  );
}
