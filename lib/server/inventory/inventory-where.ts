import 'server-only';
import type { Prisma } from '@prisma/client';
import { now } from '@/lib/server/clock';
import type { TInventoryQuery } from '@/lib/validation/inventory';
import { containsText } from '@/lib/server/text-search';

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
 * list shows. `publisherIds` is searchedPublisherIds(q), for a search; `at` is the operation's clock.
 */
export function inventoryWhere(
  q: TInventoryQuery,
  publisherIds: readonly string[] = [],
  at: Date = now(),
): Prisma.ToolWhereInput {
  const and: Prisma.ToolWhereInput[] = [];
  if (q.q) {
    const contains = containsText(q.q);
    and.push({
      OR: [
        { name: contains },
        { externalId: contains },
        { description: contains },
        ...(publisherIds.length ? [{ publisherId: { in: [...publisherIds] } }] : []),
      ],
    });
  }
  // "In environment X" = installed (in any state but revoked) on an agent of X.
  if (q.env) and.push({ installations: { some: { environment: q.env, state: { not: 'REVOKED' } } } });
  if (q.tier?.length) and.push({ tier: { in: q.tier } });
  if (q.network) and.push({ network: q.network });
  if (q.filesystem) and.push({ filesystem: q.filesystem });
  if (q.codeExecution) and.push({ codeExecution: q.codeExecution });
  if (q.dataAccess) and.push({ dataAccess: q.dataAccess });
  if (q.publisher) and.push({ publisherId: q.publisher });
  if (q.registry) and.push({ registryId: q.registry });
  if (q.verification) and.push({ verificationState: q.verification });
  // Risk (issue 12): the current assessment is the one no later assessment replaced.
  if (q.riskAtLeast) and.push({ riskAssessments: { some: { next: { is: null }, residualScore: { gte: q.riskAtLeast } } } });
  // Expiry is checked against the server clock at read time, like every coverage check.
  // A reopened exception is back to REQUESTED, so it no longer counts (lib/server/exceptions).
  if (q.exception === 'covered') and.push({ exceptions: { some: { status: 'APPROVED', expiresAt: { gt: at } } } });
  // Data flow maps (issue 12.2): the current map (no later version) sends data to an external API.
  if (q.subprocessor === 'yes') and.push({ dataFlowMaps: { some: { next: { is: null }, subprocessor: true } } });
  return and.length ? { AND: and } : {};
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
