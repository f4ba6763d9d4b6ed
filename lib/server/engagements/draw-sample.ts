import 'server-only';
import type { EngagementSample } from '@prisma/client';
import { checkSampleSize, drawSample as orderAndTake } from '@/lib/domain/audits/sampling';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { badRequest } from '@/lib/server/errors';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZDrawSampleInput, type TDrawSampleInput } from '@/lib/validation/engagement';
import { loadEngagementFor } from './engagement-access';
import { POPULATION_SOURCES } from './populations';
import { populationScope } from './populations/scope';

/**
 * Draws a sample from a population of the audit's whole period (lib/domain/audits/sampling.ts)
 * and records it with its seed, so it can be shown again and redrawn offline. The population is
 * read and the sample written in one transaction. Errors are field errors the form shows.
 */
export async function drawEngagementSample(
  { actor, input }: OperationCall<TDrawSampleInput>,
  ctx?: OperationContextInput,
): Promise<EngagementSample> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'engagement:request');
  const v = parseInput(ZDrawSampleInput, input);
  if (actor.type !== 'USER') throw badRequest('Only a person draws a sample');
  const engagement = await loadEngagementFor(db, actor, v.engagementId, now, 'engagement:request');
  return db.$transaction(async (tx) => {
    const ids = await POPULATION_SOURCES[v.population].ids(tx as typeof db, populationScope(engagement));
    const check = checkSampleSize(ids.length, v.sizeRule === 'aicpa' ? 'aicpa' : (v.size ?? 0));
    if (!check.ok) throw badRequest(`${check.field}: ${check.message}`, [{ path: check.field, message: check.message }]);
    const itemIds = orderAndTake(v.seed, ids, check.size);
    const sample = await tx.engagementSample.create({
      data: {
        engagementId: v.engagementId,
        population: v.population,
        seed: v.seed,
        size: check.size,
        populationSize: ids.length,
        sizeRule: v.sizeRule,
        itemIds,
        drawnById: actor.id,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: 'engagement.sampleDrawn',
      entityType: 'AuditEngagement',
      entityId: v.engagementId,
      after: {
        sampleId: sample.id,
        population: v.population,
        seed: v.seed,
        size: check.size,
        populationSize: ids.length,
        itemIds,
      },
    });
    return sample;
  });
}
