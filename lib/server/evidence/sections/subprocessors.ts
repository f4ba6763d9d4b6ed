import { publisherReviewStatus } from '@/lib/server/data-flows/publisher-review-status';
import { mapsInForce } from './data-flows';
import { afterId, iso, paged } from './paged';
import type { TableSection } from './types';

/**
 * Subprocessors (CC9.2): each tool whose map, in force in the period, sent data out of the
 * environment, with the hosts, the classes of data, the publisher as the vendor and its review.
 */
export const subprocessorsSection: TableSection = {
  kind: 'subprocessors',
  shape: 'table',
  columns: [
    'toolId',
    'toolName',
    'mapId',
    'revision',
    'mapStatus',
    'currentAtPeriodEnd',
    'externalHosts',
    'dataClasses',
    'highestClass',
    'vendorId',
    'vendorName',
    'vendorTrustLevel',
    'vendorReview',
    'mapCreatedAt',
  ],
  async *rows({ db, scope }) {
    const maps = paged((after, take) =>
      db.dataFlowMap.findMany({
        where: { ...mapsInForce(scope, { subprocessor: true }), ...afterId(after) },
        include: {
          tool: { select: { name: true, publisher: { select: { id: true, name: true, trustLevel: true } } } },
          next: { select: { createdAt: true } },
        },
        orderBy: { id: 'asc' },
        take,
      }),
    );
    for await (const m of maps) {
      const review = (await db.$transaction((tx) => publisherReviewStatus(tx, [m.tool.publisher.id], scope.to))).get(
        m.tool.publisher.id,
      )!;
      yield {
        toolId: m.toolId,
        toolName: m.tool.name,
        mapId: m.id,
        revision: m.revision,
        mapStatus: m.status,
        currentAtPeriodEnd: !m.next || m.next.createdAt >= scope.to,
        externalHosts: m.externalHosts,
        dataClasses: m.dataClasses,
        highestClass: m.highestClass,
        vendorId: m.tool.publisher.id,
        vendorName: m.tool.publisher.name,
        vendorTrustLevel: m.tool.publisher.trustLevel,
        vendorReview: review.state,
        mapCreatedAt: iso(m.createdAt),
      };
    }
  },
};
