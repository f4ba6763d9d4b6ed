import 'server-only';
import type { Policy, Prisma, PrismaClient } from '@prisma/client';
import { getDatabase } from '@/lib/db/client';
import { DEFAULT_POLICIES } from '@/lib/domain/policy/defaults';
import type { PolicyFacts } from '@/lib/domain/policy/types';
import { ENVIRONMENTS, type Environment } from '@/lib/domain/types';

export interface CurrentPolicy extends PolicyFacts {
  /** Null only before any policy row exists (defaults in force, version 0). */
  id: string | undefined;
  changeNote: string;
  createdById: string | null;
  createdAt: Date | null;
}

export type CurrentPolicies = Record<Environment, CurrentPolicy>;

export function policyFactsOf(row: Policy): CurrentPolicy {
  return {
    id: row.id,
    environment: row.environment,
    version: row.version,
    minTier: row.minTier,
    minTrustScore: row.minTrustScore,
    maxNetwork: row.maxNetwork,
    maxFilesystem: row.maxFilesystem,
    maxCodeExecution: row.maxCodeExecution,
    maxDataAccess: row.maxDataAccess,
    reviewOnExternalNetwork: row.reviewOnExternalNetwork,
    reviewOnFilesystemWrite: row.reviewOnFilesystemWrite,
    reviewOnCodeExecution: row.reviewOnCodeExecution,
    requireVersionVerification: row.requireVersionVerification,
    maxVerificationAgeDays: row.maxVerificationAgeDays,
    logUnverified: row.logUnverified,
    maxExceptionDays: row.maxExceptionDays,
    gatewayFailOpen: row.gatewayFailOpen,
    anomalyThreshold: row.anomalyThreshold,
    changeNote: row.changeNote,
    createdById: row.createdById,
    createdAt: row.createdAt,
  };
}

function defaultsFor(environment: Environment): CurrentPolicy {
  return {
    ...DEFAULT_POLICIES[environment],
    id: undefined,
    environment,
    version: 0,
    changeNote: 'defaults',
    createdById: null,
    createdAt: null,
  };
}

// Pages read the policies often: keep them in memory for a few seconds. update-policy clears it in
// this process; other instances pick a change up within the TTL. Enforcement does not read this
// cache: its facts come with the policy in one statement, checked against the generation (ADR 0008).
const TTL_MS = 5_000;
const holder = globalThis as typeof globalThis & { __toolledgerPolicies?: { at: number; value: Promise<CurrentPolicies> } };

async function load(db: PrismaClient | Prisma.TransactionClient): Promise<CurrentPolicies> {
  // One indexed read per environment ((environment, version) is unique): cost does not grow with history.
  const rows = await Promise.all(
    ENVIRONMENTS.map((environment) => db.policy.findFirst({ where: { environment }, orderBy: { version: 'desc' } })),
  );
  const out = {} as CurrentPolicies;
  ENVIRONMENTS.forEach((environment, i) => {
    const row = rows[i];
    out[environment] = row ? policyFactsOf(row) : defaultsFor(environment);
  });
  return out;
}

// The cached read is one plain statement (an ORM round trip per environment costs milliseconds
// on the embedded database). Timestamps are read as epoch milliseconds: the columns hold UTC without a time zone, and a
// driver would otherwise read them in the server's local zone.
const CURRENT_POLICIES_SQL = `SELECT DISTINCT ON (environment) *, (extract(epoch FROM "createdAt") * 1000)::float8 AS "createdAtMs"
  FROM "Policy" ORDER BY environment, version DESC`;

async function loadWithSql(): Promise<CurrentPolicies> {
  const db = await getDatabase();
  const rows = await db.query<Policy & { createdAtMs: number }>(CURRENT_POLICIES_SQL);
  const out = {} as CurrentPolicies;
  for (const environment of ENVIRONMENTS) {
    const row = rows.find((r) => r.environment === environment);
    out[environment] = row ? policyFactsOf({ ...row, createdAt: new Date(Number(row.createdAtMs)) }) : defaultsFor(environment);
  }
  return out;
}

/**
 * The policy in force per environment (highest version). `fresh: true` bypasses the short cache
 * (use it when writing an evaluation snapshot); pass `db` to read inside a transaction.
 */
export async function getCurrentPolicies(
  options: { fresh?: boolean; db?: Prisma.TransactionClient | PrismaClient } = {},
): Promise<CurrentPolicies> {
  if (options.db) return load(options.db);
  const now = Date.now();
  const cached = holder.__toolledgerPolicies;
  if (!options.fresh && cached && now - cached.at < TTL_MS) return cached.value;
  const value = loadWithSql();
  holder.__toolledgerPolicies = { at: now, value };
  value.catch(() => {
    if (holder.__toolledgerPolicies?.value === value) holder.__toolledgerPolicies = undefined;
  });
  return value;
}

export async function getCurrentPolicy(
  environment: Environment,
  options: { fresh?: boolean; db?: Prisma.TransactionClient | PrismaClient } = {},
): Promise<CurrentPolicy> {
  return (await getCurrentPolicies(options))[environment];
}

export function invalidateCurrentPolicies(): void {
  holder.__toolledgerPolicies = undefined;
}
