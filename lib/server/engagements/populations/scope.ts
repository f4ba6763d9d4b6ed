import type { Environment, PrismaClient } from '@prisma/client';
import type { TPopulationQuery } from '@/lib/validation/engagement';

/** The slice of data a population reads: the audit's period and environments, narrowed by the page's filters. */
export interface PopulationScope {
  from: Date;
  to: Date;
  environments: Environment[];
  /** True when every environment is in scope (records with none, e.g. an unknown agent's call, count then). */
  allEnvironments: boolean;
}

const DAY_MS = 86_400_000;

export function populationScope(
  e: { periodStart: Date; periodEnd: Date; environments: Environment[] },
  filter: Partial<Pick<TPopulationQuery, 'environment' | 'from' | 'to'>> = {},
): PopulationScope {
  const from = filter.from ? new Date(Math.max(e.periodStart.getTime(), Date.parse(`${filter.from}T00:00:00Z`))) : e.periodStart;
  const to = filter.to ? new Date(Math.min(e.periodEnd.getTime(), Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS)) : e.periodEnd;
  const environments = filter.environment?.length
    ? e.environments.filter((x) => filter.environment!.includes(x))
    : e.environments;
  return { from, to, environments, allEnvironments: environments.length === 3 };
}

/** One record of a population, as the list, the CSV and the sample show it. */
export interface PopulationRow {
  id: string;
  at: Date;
  cells: Record<string, string>;
  /** Something the auditor should see at once (an installation nothing approved). */
  flag: string | null;
  /** Cells that point at a record of their own (cell key → app path), e.g. the approving change request. */
  links?: Record<string, string>;
  /** The audit-trail record this row's history hangs on. */
  trail: { entityType: string; entityId: string } | null;
}

export interface PopulationPage {
  rows: PopulationRow[];
  total: number;
}

export interface PopulationSource {
  columns: readonly { key: string; label: string }[];
  /** Rows in scope, oldest first; `ids` narrows to those records (a sample, a request's record). */
  find(db: PrismaClient, scope: PopulationScope, opts: { ids?: string[]; skip?: number; take?: number }): Promise<PopulationPage>;
  /** Every id in scope (what a sample is drawn from). */
  ids(db: PrismaClient, scope: PopulationScope): Promise<string[]>;
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : '');
export const inRange = (s: PopulationScope) => ({ gte: s.from, lt: s.to });
