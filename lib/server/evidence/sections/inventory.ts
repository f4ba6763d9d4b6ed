import { afterId, envFilter, iso, paged } from './paged';
import type { TableSection } from './types';

/** Tools that existed at the period end, with their installations then (attributes are current). */
export const inventorySection: TableSection = {
  kind: 'inventory',
  shape: 'table',
  columns: [
    'id',
    'name',
    'registry',
    'publisher',
    'kind',
    'owner',
    'dataClassification',
    'latestVersion',
    'tier',
    'trustScore',
    'verificationState',
    'lastVerifiedAt',
    'network',
    'filesystem',
    'codeExecution',
    'dataAccess',
    'installations',
  ],
  async *rows({ db, scope }) {
    const tools = paged((after, take) =>
      db.tool.findMany({
        where: {
          ...afterId(after),
          createdAt: { lt: scope.to },
          ...(scope.toolIds.length ? { id: { in: scope.toolIds } } : {}),
          ...(scope.environments.length ? { installations: { some: envFilter(scope) } } : {}),
        },
        orderBy: { id: 'asc' },
        take,
        include: {
          registry: { select: { name: true } },
          publisher: { select: { name: true } },
          installations: {
            where: { createdAt: { lt: scope.to }, ...envFilter(scope) },
            orderBy: { id: 'asc' },
            select: {
              id: true,
              environment: true,
              state: true,
              agent: { select: { name: true } },
              toolVersion: { select: { version: true } },
              activatedAt: true,
              revokedAt: true,
            },
          },
        },
      }),
    );
    for await (const t of tools) {
      yield {
        id: t.id,
        name: t.name,
        registry: t.registry.name,
        publisher: t.publisher.name,
        kind: t.kind,
        owner: t.owner,
        dataClassification: t.dataClassification,
        latestVersion: t.latestVersionName,
        tier: t.tier,
        trustScore: t.trustScore,
        verificationState: t.verificationState,
        lastVerifiedAt: iso(t.lastVerifiedAt),
        network: t.network,
        filesystem: t.filesystem,
        codeExecution: t.codeExecution,
        dataAccess: t.dataAccess,
        installations: t.installations.map((i) => ({
          id: i.id,
          environment: i.environment,
          agent: i.agent.name,
          version: i.toolVersion.version,
          state: i.state,
          activatedAt: iso(i.activatedAt),
          revokedAt: iso(i.revokedAt),
        })),
      };
    }
  },
};
