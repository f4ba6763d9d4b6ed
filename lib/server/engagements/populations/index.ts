import 'server-only';
import type { Population } from '@/lib/domain/audits/populations';
import type { PopulationSource } from './scope';
import { changeRequestsPopulation } from './change-requests';
import { approvalsPopulation } from './approvals';
import { installationsPopulation } from './installations';
import { enforcementDeniesPopulation } from './enforcement-denies';
import { exceptionsPopulation } from './exceptions';
import { userChangesPopulation } from './user-changes';
import { alertsPopulation } from './alerts';

/** Each population's reader; the record keys every page, export and sample use. */
export const POPULATION_SOURCES: Record<Population, PopulationSource> = {
  changeRequests: changeRequestsPopulation,
  approvals: approvalsPopulation,
  installations: installationsPopulation,
  enforcementDenies: enforcementDeniesPopulation,
  exceptions: exceptionsPopulation,
  userChanges: userChangesPopulation,
  alerts: alertsPopulation,
};
