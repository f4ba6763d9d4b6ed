import 'server-only';
import type { Prisma } from '@prisma/client';

const LISTED = 5;
const SEVERITY_ORDER = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 } as const;

/**
 * For the overview's "needs a person today": incidents not closed (most severe first) and the
 * quarantines in force. Read by getNeedsAttention after its own permission check.
 */
export async function openIncidentsAttention(db: Prisma.TransactionClient) {
  const [open, quarantinesInForce] = await Promise.all([
    db.incident.findMany({
      where: { status: { not: 'CLOSED' } },
      select: { id: true, number: true, title: true, severity: true, status: true, openedAt: true },
      orderBy: { openedAt: 'desc' },
      take: 200,
    }),
    db.toolQuarantine.count({ where: { liftedAt: null } }),
  ]);
  const items = [...open].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).slice(0, LISTED);
  return { total: open.length, items, quarantinesInForce };
}
