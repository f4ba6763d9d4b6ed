import { afterId, iso, paged } from './paged';
import type { TableSection } from './types';

/** Machine credentials that existed by the period end (the prefix only, never the secret). */
export const apiKeysSection: TableSection = {
  kind: 'api-keys',
  shape: 'table',
  columns: ['id', 'name', 'prefix', 'scopes', 'agentId', 'createdBy', 'createdAt', 'expiresAt', 'revokedAt'],
  async *rows({ db, scope }) {
    const keys = paged((after, take) =>
      db.apiKey.findMany({
        where: { ...afterId(after), createdAt: { lt: scope.to } },
        orderBy: { id: 'asc' },
        take,
        include: { createdBy: { select: { email: true } } },
      }),
    );
    for await (const k of keys) {
      yield {
        id: k.id,
        name: k.name,
        prefix: k.prefix,
        scopes: k.scopes.join(' '),
        agentId: k.agentId,
        createdBy: k.createdBy.email,
        createdAt: iso(k.createdAt),
        expiresAt: iso(k.expiresAt),
        revokedAt: iso(k.revokedAt),
      };
    }
  },
};
