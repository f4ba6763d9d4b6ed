import 'server-only';
import type { Prisma } from '@prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { TAlertFilter } from '@/lib/validation/registry';

export const ALERTS_PAGE_SIZE = 30;

/** The alert inbox: filtered in the database, most severe first, then newest. */
export async function listAlerts(filter: TAlertFilter) {
  const prisma = await getPrisma();
  const where: Prisma.AlertWhereInput = {
    ...(filter.state !== 'ALL' ? { state: filter.state } : {}),
    ...(filter.severity ? { severity: filter.severity } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.toolId ? { toolId: filter.toolId } : {}),
  };
  const [alerts, total, bySeverity, kinds] = await Promise.all([
    prisma.alert.findMany({
      where,
      // Severity is an enum declared LOW..CRITICAL: descending puts CRITICAL first.
      orderBy: [{ severity: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
      skip: (filter.page - 1) * ALERTS_PAGE_SIZE,
      take: ALERTS_PAGE_SIZE,
      include: { tool: { select: { id: true, name: true } } },
    }),
    prisma.alert.count({ where }),
    prisma.alert.groupBy({ by: ['severity'], where: { state: 'OPEN' }, _count: true }),
    prisma.alert.findMany({ distinct: ['kind'], select: { kind: true }, orderBy: { kind: 'asc' } }),
  ]);
  const openCounts = Object.fromEntries(bySeverity.map((g) => [g.severity, g._count])) as Partial<Record<'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW', number>>;
  return { alerts, total, pageSize: ALERTS_PAGE_SIZE, openCounts, kinds: kinds.map((k) => k.kind) };
}
