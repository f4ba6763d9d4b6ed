import { AUDIT_COLUMNS, auditEventsOfPeriod } from './audit-events';
import { SIGN_IN_ACTIONS } from './sign-in-events';
import type { TableSection } from './types';

/** Accounts created, roles changed, accounts deactivated or reactivated, passwords reset: every user.* record but sign-ins. */
export const roleChangesSection: TableSection = {
  kind: 'role-changes',
  shape: 'table',
  columns: AUDIT_COLUMNS,
  rows: ({ db, scope }) => auditEventsOfPeriod(db, scope, { action: { startsWith: 'user.', notIn: SIGN_IN_ACTIONS } }),
};
