import { afterId, iso, paged } from './paged';
import type { TableSection } from './types';

/**
 * Auditor samples of the audits whose period overlaps the pack's, with what redraws them
 * offline: the seed, the population and its size, and the items in sample order (ascending
 * SHA-256 of seed + record id, first `size`; README "Auditor portal").
 */
export const samplesSection: TableSection = {
  kind: 'samples',
  shape: 'table',
  columns: [
    'id',
    'engagementId',
    'engagement',
    'population',
    'seed',
    'size',
    'populationSize',
    'sizeRule',
    'itemIds',
    'drawnById',
    'createdAt',
  ],
  async *rows({ db, scope }) {
    const samples = paged((after, take) =>
      db.engagementSample.findMany({
        where: { ...afterId(after), engagement: { periodStart: { lt: scope.to }, periodEnd: { gt: scope.from } } },
        orderBy: { id: 'asc' },
        take,
        include: { engagement: { select: { name: true } } },
      }),
    );
    for await (const s of samples) {
      yield {
        id: s.id,
        engagementId: s.engagementId,
        engagement: s.engagement.name,
        population: s.population,
        seed: s.seed,
        size: s.size,
        populationSize: s.populationSize,
        sizeRule: s.sizeRule,
        itemIds: s.itemIds.join(' '),
        drawnById: s.drawnById,
        createdAt: iso(s.createdAt),
      };
    }
  },
  async summary() {
    return {
      redraw:
        'Each record key is the hex SHA-256 of the UTF-8 of seed + record id; order the population by key and take the first size ids.',
    };
  },
};
