import { afterId, iso, paged } from './paged';
import type { TableSection } from './types';

/** Accounts that existed by the period end (never a password hash). */
export const usersSection: TableSection = {
  kind: 'users',
  shape: 'table',
  columns: ['id', 'email', 'name', 'role', 'active', 'sso', 'createdAt'],
  async *rows({ db, scope }) {
    const users = paged((after, take) =>
      db.user.findMany({ where: { ...afterId(after), createdAt: { lt: scope.to } }, orderBy: { id: 'asc' }, take }),
    );
    for await (const u of users) {
      yield {
        id: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        active: u.active,
        sso: u.oidcSubject !== null,
        createdAt: iso(u.createdAt),
      };
    }
  },
};
