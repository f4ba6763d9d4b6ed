import { afterId, envFilter, iso, paged, toolFilter } from './paged';
import type { TableSection } from './types';

/** Allowlist entries that existed by the period end, with who proposed and decided them. */
export const allowlistSection: TableSection = {
  kind: 'allowlist',
  shape: 'table',
  columns: [
    'id',
    'environment',
    'toolId',
    'tool',
    'status',
    'note',
    'createdBy',
    'createdAt',
    'approvedBy',
    'approvedAt',
    'rejectedBy',
    'rejectedAt',
    'revokedAt',
  ],
  async *rows({ db, scope }) {
    const entries = paged((after, take) =>
      db.allowlistEntry.findMany({
        where: { ...afterId(after), createdAt: { lt: scope.to }, ...envFilter(scope), ...toolFilter(scope) },
        orderBy: { id: 'asc' },
        take,
        include: {
          tool: { select: { name: true } },
          createdBy: { select: { email: true } },
          approvedBy: { select: { email: true } },
          rejectedBy: { select: { email: true } },
        },
      }),
    );
    for await (const e of entries) {
      yield {
        id: e.id,
        environment: e.environment,
        toolId: e.toolId,
        tool: e.tool.name,
        status: e.status,
        note: e.note,
        createdBy: e.createdBy.email,
        createdAt: iso(e.createdAt),
        approvedBy: e.approvedBy?.email ?? null,
        approvedAt: iso(e.approvedAt),
        rejectedBy: e.rejectedBy?.email ?? null,
        rejectedAt: iso(e.rejectedAt),
        revokedAt: iso(e.revokedAt),
      };
    }
  },
};
