import { CONTROLS, type ControlDefinition } from '@/lib/domain/controls';
import { POPULATIONS, POPULATION_INFO, type Population } from './populations';

/** The populations whose records evidence this criterion (what the auditor samples for it). */
export function populationsForCriterion(criterionId: string): Population[] {
  return POPULATIONS.filter((p) => POPULATION_INFO[p].criteria.includes(criterionId));
}

/** The controls map's entry for a criterion, or null when the map does not cover it yet. */
export function controlForCriterion(criterionId: string): ControlDefinition | null {
  return CONTROLS.find((c) => c.id === criterionId) ?? null;
}
