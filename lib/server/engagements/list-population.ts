import 'server-only';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZListPopulationInput, type TListPopulationInput } from '@/lib/validation/engagement';
import { loadEngagementFor } from './engagement-access';
import { POPULATION_SOURCES } from './populations';
import { populationScope, type PopulationPage } from './populations/scope';

export const POPULATION_PAGE_SIZE = 25;

/** One page of a population of the audit's period, narrowed by the page's filters. */
export async function listPopulation(
  { actor, input }: OperationCall<TListPopulationInput>,
  ctx?: OperationContextInput,
): Promise<PopulationPage & { page: number; pageSize: number }> {
  const { db, now } = await operationContext(ctx);
  const { engagementId, population, page, ...filter } = parseInput(ZListPopulationInput, input);
  const engagement = await loadEngagementFor(db, actor, engagementId, now);
  const found = await POPULATION_SOURCES[population].find(db, populationScope(engagement, filter), {
    skip: (page - 1) * POPULATION_PAGE_SIZE,
    take: POPULATION_PAGE_SIZE,
  });
  return { ...found, page, pageSize: POPULATION_PAGE_SIZE };
}
