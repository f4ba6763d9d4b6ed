import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { isPopulation } from '@/lib/domain/audits/populations';
import { notFound } from '@/lib/server/errors';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZSampleIdInput, type TSampleIdInput } from '@/lib/validation/engagement';
import { loadEngagementFor } from './engagement-access';
import { POPULATION_SOURCES } from './populations';
import { populationScope, type PopulationRow } from './populations/scope';

export interface TrailEvent {
  seq: string;
  occurredAt: Date;
  actorLabel: string;
  action: string;
  after: unknown;
}

/**
 * A sample as drawn, in sample order, each item with its full evidence trail: the record as the
 * population shows it and every audit-trail event of the record it hangs on.
 */
export async function getEngagementSample({ actor, input }: OperationCall<TSampleIdInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  const { engagementId, sampleId } = parseInput(ZSampleIdInput, input);
  const engagement = await loadEngagementFor(db, actor, engagementId, now);
  const sample = await db.engagementSample.findFirst({
    where: { id: sampleId, engagementId },
    include: { drawnBy: { select: { name: true } } },
  });
  if (!sample || !isPopulation(sample.population)) throw notFound('Sample');
  const source = POPULATION_SOURCES[sample.population];
  const { rows } = await source.find(db, populationScope(engagement), { ids: sample.itemIds });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const trails = await trailsOf(db, rows);
  const items = sample.itemIds.map((id) => {
    const row = byId.get(id) ?? null;
    return { id, row, trail: row?.trail ? (trails.get(`${row.trail.entityType}:${row.trail.entityId}`) ?? []) : [] };
  });
  return { engagement, sample, columns: source.columns, items };
}

async function trailsOf(db: PrismaClient, rows: PopulationRow[]): Promise<Map<string, TrailEvent[]>> {
  const refs = rows.flatMap((r) => (r.trail ? [r.trail] : []));
  if (refs.length === 0) return new Map();
  const events = await db.auditEvent.findMany({
    where: { OR: refs.map((r) => ({ entityType: r.entityType, entityId: r.entityId })) },
    orderBy: { seq: 'asc' },
    take: 2000,
  });
  const out = new Map<string, TrailEvent[]>();
  for (const e of events) {
    const key = `${e.entityType}:${e.entityId}`;
    out.set(key, [
      ...(out.get(key) ?? []),
      { seq: e.seq.toString(), occurredAt: e.occurredAt, actorLabel: e.actorLabel, action: e.action, after: e.after },
    ]);
  }
  return out;
}
