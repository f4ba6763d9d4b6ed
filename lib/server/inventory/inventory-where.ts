import 'server-only';
import { Prisma } from '@prisma/client';
import { now } from '@/lib/server/clock';
import type { TInventoryQuery } from '@/lib/validation/inventory';
import { containsText } from '@/lib/server/text-search';
import { allOf, anyOf, compare, oneOf, textContains, type ToolCondition } from './tool-condition';

/**
 * Publishers whose name the search matches, read first: a publisher-name condition inside the
 * tool filter is a per-row subplan that forces a scan of every tool, where `publisherId IN (…)`
 * joins the trigram indexes' bitmap.
 */
export async function searchedPublisherIds(prisma: Prisma.TransactionClient, q: TInventoryQuery): Promise<string[]> {
  if (!q.q) return [];
  const rows = await prisma.publisher.findMany({ where: { name: containsText(q.q) }, select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * The one filter the list, its count and the CSV export share, so the export is exactly what the
 * list shows: each condition in its Prisma form (the pages) and its SQL form (the bounded count),
 * written together (tool-condition.ts). `publisherIds` is searchedPublisherIds(q), for a search;
 * `at` is the operation's clock.
 */
export function inventoryConditions(q: TInventoryQuery, publisherIds: readonly string[] = [], at: Date = now()): ToolCondition[] {
  const and: ToolCondition[] = [];
  if (q.q) {
    and.push(
      anyOf([
        textContains('name', q.q),
        textContains('externalId', q.q),
        textContains('description', q.q),
        ...(publisherIds.length ? [oneOf('publisherId', publisherIds)] : []),
      ]),
    );
  }
  // "In environment X" = installed (in any state but revoked) on an agent of X. The SQL form reads
  // Tool.environments, the copy a trigger on Installation keeps, through its GIN index (migration
  // tool_environments); the count test holds the two forms equal.
  if (q.env) {
    and.push({
      where: { installations: { some: { environment: q.env, state: { not: 'REVOKED' } } } },
      sql: Prisma.sql`t."environments" @> ARRAY[CAST(${q.env} AS "Environment")]`,
    });
  }
  if (q.tier?.length) and.push(oneOf('tier', q.tier));
  if (q.network) and.push(compare('network', 'equals', q.network));
  if (q.filesystem) and.push(compare('filesystem', 'equals', q.filesystem));
  if (q.codeExecution) and.push(compare('codeExecution', 'equals', q.codeExecution));
  if (q.dataAccess) and.push(compare('dataAccess', 'equals', q.dataAccess));
  if (q.publisher) and.push(compare('publisherId', 'equals', q.publisher));
  if (q.registry) and.push(compare('registryId', 'equals', q.registry));
  if (q.verification) and.push(compare('verificationState', 'equals', q.verification));
  // Risk (issue 12): the current assessment is the one no later assessment replaced.
  if (q.riskAtLeast) {
    and.push({
      where: { riskAssessments: { some: { next: { is: null }, residualScore: { gte: q.riskAtLeast } } } },
      sql: Prisma.sql`EXISTS (SELECT 1 FROM "RiskAssessment" r WHERE r."toolId" = t."id"
        AND r."residualScore" >= CAST(${q.riskAtLeast} AS integer)
        AND NOT EXISTS (SELECT 1 FROM "RiskAssessment" later WHERE later."previousId" = r."id"))`,
    });
  }
  // Expiry is checked against the server clock at read time, like every coverage check.
  // A reopened exception is back to REQUESTED, so it no longer counts (lib/server/exceptions).
  if (q.exception === 'covered') {
    and.push({
      where: { exceptions: { some: { status: 'APPROVED', expiresAt: { gt: at } } } },
      sql: Prisma.sql`EXISTS (SELECT 1 FROM "PolicyException" e WHERE e."toolId" = t."id"
        AND e."status" = 'APPROVED' AND e."expiresAt" > CAST(${at.toISOString()} AS timestamp(3)))`,
    });
  }
  // Data flow maps (issue 12.2): the current map (no later version) sends data to an external API.
  if (q.subprocessor === 'yes') {
    and.push({
      where: { dataFlowMaps: { some: { next: { is: null }, subprocessor: true } } },
      sql: Prisma.sql`EXISTS (SELECT 1 FROM "DataFlowMap" d WHERE d."toolId" = t."id" AND d."subprocessor"
        AND NOT EXISTS (SELECT 1 FROM "DataFlowMap" later WHERE later."previousId" = d."id"))`,
    });
  }
  return and;
}

/** The filter's Prisma form alone (the CSV export's batches; tests read reference lists with it). */
export function inventoryWhere(q: TInventoryQuery, publisherIds: readonly string[] = [], at: Date = now()) {
  return allOf(inventoryConditions(q, publisherIds, at)).where;
}

/** Sort plus a stable tie-break on id, so pages never repeat or skip rows. */
export function inventoryOrderBy(q: TInventoryQuery): Prisma.ToolOrderByWithRelationInput[] {
  const dir = q.dir;
  const byId: Prisma.ToolOrderByWithRelationInput = { id: dir };
  switch (q.sort) {
    case 'tier':
      // The Tier enum is declared best first (GOLD … FAILED), so "descending by rank" is ascending enum order.
      return [{ tier: dir === 'desc' ? 'asc' : 'desc' }, { name: 'asc' }, { id: 'asc' }];
    case 'trustScore':
      return [{ trustScore: { sort: dir, nulls: 'last' } }, byId];
    case 'updatedAt':
      return [{ updatedAt: dir }, byId];
    case 'publisher':
      return [{ publisherName: dir }, { name: 'asc' }, { id: 'asc' }];
    case 'name':
      return [{ name: dir }, byId];
  }
}

export const inventoryRowSelect = {
  id: true,
  name: true,
  externalId: true,
  kind: true,
  tier: true,
  trustScore: true,
  network: true,
  filesystem: true,
  codeExecution: true,
  dataAccess: true,
  verificationState: true,
  latestVersionName: true,
  lastVerifiedAt: true,
  updatedAt: true,
  owner: true,
  dataClassification: true,
  publisher: { select: { id: true, name: true, trustLevel: true } },
  registry: { select: { id: true, name: true, kind: true } },
} satisfies Prisma.ToolSelect;

export type InventoryRowBase = Prisma.ToolGetPayload<{ select: typeof inventoryRowSelect }>;
