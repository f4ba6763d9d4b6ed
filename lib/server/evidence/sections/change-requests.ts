import { afterId, envFilter, inPeriod, iso, paged, toolFilter } from './paged';
import type { TableSection } from './types';

/** Change requests opened or decided in the period. */
export const changeRequestsSection: TableSection = {
  kind: 'change-requests',
  shape: 'table',
  columns: [
    'id',
    'kind',
    'state',
    'source',
    'environment',
    'toolId',
    'tool',
    'requestedVersion',
    'artifactDigest',
    'justification',
    'requiresSecurityReview',
    'requestedBy',
    'createdAt',
    'dueAt',
    'decidedAt',
    'deployedAt',
  ],
  async *rows({ db, scope }) {
    const requests = paged((after, take) =>
      db.changeRequest.findMany({
        where: {
          ...afterId(after),
          ...envFilter(scope),
          ...toolFilter(scope),
          OR: [{ createdAt: inPeriod(scope) }, { decidedAt: inPeriod(scope) }],
        },
        orderBy: { id: 'asc' },
        take,
        include: { tool: { select: { name: true } }, requestedBy: { select: { email: true } } },
      }),
    );
    for await (const c of requests) {
      yield {
        id: c.id,
        kind: c.kind,
        state: c.state,
        source: c.source,
        environment: c.environment,
        toolId: c.toolId,
        tool: c.tool?.name ?? c.requestedToolName,
        requestedVersion: c.requestedVersion,
        artifactDigest: c.artifactDigest,
        justification: c.justification,
        requiresSecurityReview: c.requiresSecurityReview,
        requestedBy: c.requestedBy?.email ?? null,
        createdAt: iso(c.createdAt),
        dueAt: iso(c.dueAt),
        decidedAt: iso(c.decidedAt),
        deployedAt: iso(c.deployedAt),
      };
    }
  },
};
