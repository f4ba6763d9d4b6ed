import { afterId, envFilter, iso, paged, toolFilter } from './paged';
import type { TableSection } from './types';

/** Policy exceptions requested by the period end and not expired before its start. */
export const exceptionsSection: TableSection = {
  kind: 'exceptions',
  shape: 'table',
  columns: [
    'id',
    'environment',
    'toolId',
    'toolVersionId',
    'rules',
    'status',
    'justification',
    'compensatingControls',
    'remediationPlan',
    'remediationDate',
    'expiresAt',
    'requestedById',
    'approvedById',
    'approvedAt',
    'createdAt',
  ],
  async *rows({ db, scope }) {
    const exceptions = paged((after, take) =>
      db.policyException.findMany({
        where: {
          ...afterId(after),
          createdAt: { lt: scope.to },
          expiresAt: { gte: scope.from },
          ...envFilter(scope),
          ...toolFilter(scope),
        },
        orderBy: { id: 'asc' },
        take,
      }),
    );
    for await (const e of exceptions) {
      yield {
        id: e.id,
        environment: e.environment,
        toolId: e.toolId,
        toolVersionId: e.toolVersionId,
        rules: e.rules.join(' '),
        status: e.status,
        justification: e.justification,
        compensatingControls: e.compensatingControls,
        remediationPlan: e.remediationPlan,
        remediationDate: iso(e.remediationDate),
        expiresAt: iso(e.expiresAt),
        requestedById: e.requestedById,
        approvedById: e.approvedById,
        approvedAt: iso(e.approvedAt),
        createdAt: iso(e.createdAt),
      };
    }
  },
};
