import { AUDIT_COLUMNS, auditEventsOfPeriod } from './audit-events';
import type { TableSection } from './types';

export const SIGN_IN_ACTIONS = ['user.signedIn', 'user.signInFailed', 'user.signedOut'];

/** Sign-ins, refused sign-ins and sign-outs of the period, from the audit trail. */
export const signInEventsSection: TableSection = {
  kind: 'sign-in-events',
  shape: 'table',
  columns: AUDIT_COLUMNS,
  rows: ({ db, scope }) => auditEventsOfPeriod(db, scope, { action: { in: SIGN_IN_ACTIONS } }),
};
