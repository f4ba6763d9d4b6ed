import { AUDIT_COLUMNS, auditEventsOfPeriod } from './audit-events';
import type { TableSection } from './types';

/** Every audit record of the period, with its chain links (the whole application's, whatever the scope). */
export const auditTrailSection: TableSection = {
  kind: 'audit-trail',
  shape: 'table',
  columns: AUDIT_COLUMNS,
  rows: ({ db, scope }) => auditEventsOfPeriod(db, scope),
};
