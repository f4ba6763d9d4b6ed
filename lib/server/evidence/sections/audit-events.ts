import type { Prisma, PrismaClient } from '@prisma/client';
import type { PackScope, Row } from './types';

export const AUDIT_COLUMNS = [
  'seq',
  'occurredAt',
  'actorType',
  'actorId',
  'actorLabel',
  'action',
  'entityType',
  'entityId',
  'before',
  'after',
  'prevHash',
  'hash',
];

const PAGE = 500;

/** Audit records of the period in chain order, page by page; `where` narrows them (e.g. sign-ins). */
export async function* auditEventsOfPeriod(db: PrismaClient, scope: PackScope, where: Prisma.AuditEventWhereInput = {}) {
  let after: bigint | undefined;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: { ...where, occurredAt: { gte: scope.from, lt: scope.to }, ...(after !== undefined ? { seq: { gt: after } } : {}) },
      orderBy: { seq: 'asc' },
      take: PAGE,
    });
    for (const e of page) {
      const row: Row = {
        seq: e.seq.toString(),
        occurredAt: e.occurredAt.toISOString(),
        actorType: e.actorType,
        actorId: e.actorId,
        actorLabel: e.actorLabel,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        before: e.before as Row[string],
        after: e.after as Row[string],
        prevHash: e.prevHash,
        hash: e.hash,
      };
      yield row;
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.seq;
  }
}
