import { afterId, inPeriod, iso, paged } from './paged';
import type { TableSection } from './types';

/** Each verification made in the period (the raw registry payload is represented by its digest). */
export const verificationRecordsSection: TableSection = {
  kind: 'verification-records',
  shape: 'table',
  columns: [
    'id',
    'toolId',
    'tool',
    'version',
    'verifiedAt',
    'installCheck',
    'importCheck',
    'smokeCheck',
    'permissionCheck',
    'trustScore',
    'tier',
    'registryTier',
    'tierCappedFrom',
    'tierCapReason',
    'payloadSha256',
  ],
  async *rows({ db, scope }) {
    const records = paged((after, take) =>
      db.verificationRecord.findMany({
        where: {
          ...afterId(after),
          verifiedAt: inPeriod(scope),
          ...(scope.toolIds.length ? { toolVersion: { toolId: { in: scope.toolIds } } } : {}),
        },
        orderBy: { id: 'asc' },
        take,
        include: { toolVersion: { select: { version: true, toolId: true, tool: { select: { name: true } } } } },
      }),
    );
    for await (const r of records) {
      yield {
        id: r.id,
        toolId: r.toolVersion.toolId,
        tool: r.toolVersion.tool.name,
        version: r.toolVersion.version,
        verifiedAt: iso(r.verifiedAt),
        installCheck: r.installCheck,
        importCheck: r.importCheck,
        smokeCheck: r.smokeCheck,
        permissionCheck: r.permissionCheck,
        trustScore: r.trustScore,
        tier: r.tier,
        registryTier: r.registryTier,
        tierCappedFrom: r.tierCappedFrom,
        tierCapReason: r.tierCapReason,
        payloadSha256: r.payloadSha256,
      };
    }
  },
};
