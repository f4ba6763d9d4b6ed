import 'server-only';
import type { Prisma } from '@prisma/client';
import { AUDIT_ACTIONS, type AuditAction } from '@/lib/domain/audit-actions';
import { inRange, iso, type PopulationScope, type PopulationSource } from './scope';

const USER_CHANGES: AuditAction[] = [
  'user.bootstrapped',
  'user.created',
  'user.createdBySso',
  'user.roleChanged',
  'user.deactivated',
  'user.reactivated',
  'user.passwordReset',
  'user.ssoLinkApproved',
];

// Records are audit events (the trail is where user changes live); their id is the sequence number.
const where = (s: PopulationScope, ids?: string[]): Prisma.AuditEventWhereInput => ({
  entityType: 'User',
  action: { in: USER_CHANGES },
  occurredAt: inRange(s),
  ...(ids ? { seq: { in: ids.filter((i) => /^\d{1,18}$/.test(i)).map(BigInt) } } : {}),
});

const summary = (v: unknown) => (v && typeof v === 'object' ? JSON.stringify(v) : '');

/** Accounts created, roles changed, deactivations, reactivations, password resets in the period. */
export const userChangesPopulation: PopulationSource = {
  columns: [
    { key: 'at', label: 'At (UTC)' },
    { key: 'change', label: 'Change' },
    { key: 'user', label: 'User' },
    { key: 'by', label: 'By' },
    { key: 'before', label: 'Before' },
    { key: 'after', label: 'After' },
  ],
  async find(db, s, { ids, skip, take }) {
    const w = where(s, ids);
    const [rows, total] = await Promise.all([
      db.auditEvent.findMany({ where: w, orderBy: { seq: 'asc' }, skip, take }),
      db.auditEvent.count({ where: w }),
    ]);
    const users = await db.user.findMany({
      where: { id: { in: rows.map((r) => r.entityId) } },
      select: { id: true, name: true, email: true },
    });
    return {
      total,
      rows: rows.map((e) => {
        const u = users.find((x) => x.id === e.entityId);
        return {
          id: e.seq.toString(),
          at: e.occurredAt,
          flag: null,
          trail: { entityType: 'User', entityId: e.entityId },
          cells: {
            at: iso(e.occurredAt),
            change: AUDIT_ACTIONS[e.action as AuditAction] ?? e.action,
            user: u ? `${u.name} <${u.email}>` : e.entityId,
            by: e.actorLabel,
            before: summary(e.before),
            after: summary(e.after),
          },
        };
      }),
    };
  },
  async ids(db, s) {
    return (await db.auditEvent.findMany({ where: where(s), select: { seq: true } })).map((r) => r.seq.toString());
  },
};
