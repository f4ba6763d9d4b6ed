import 'server-only';
import type { Prisma } from '@prisma/client';
import type { Environment } from '@/lib/domain/types';
import type { MatrixQuery, MatrixRow } from './get-compliance-matrix';

/** A cell reduced to what the status filter and the summary need. */
export interface CellFlags {
  passes: boolean;
  /** An approved, unexpired exception covers one of the cell's rules. */
  covered: boolean;
}
export interface ScannedRow {
  id: string;
  cells: CellFlags[];
}
export interface MatrixScan {
  rows: ScannedRow[];
  truncated: boolean;
}

const BATCH = 200;
// Status filters need evaluation, which SQL cannot do: stop after this many versions.
const MAX_SCANNED = 20_000;
const MAX_ENTRIES = 20;

interface Entry extends MatrixScan {
  generation: string;
  /** The next approved exception's expiry after the scan: from then on its cells read otherwise. */
  validUntil: number;
}
const caches = new WeakMap<object, Map<string, Entry>>();

/**
 * Every version the matrix's text and scope filters select, evaluated against each environment,
 * reduced to flags, in the matrix's order. Kept per database client and filter under the
 * enforcement generation (every change to tools, versions, policies or exceptions bumps it, in
 * the changing transaction) and until the next exception expires, the one change time makes on
 * its own. A cache miss costs what every render cost before (issue 9.4); a hit costs two reads.
 */
export async function scanMatrix(
  prisma: Prisma.TransactionClient,
  ctx: { query: MatrixQuery; environments: Environment[]; now: Date },
  evaluateBatch: (skip: number, take: number) => Promise<MatrixRow[]>,
): Promise<MatrixScan> {
  const [{ value: generation } = { value: '0' }] = await prisma.$queryRaw<{ value: string }[]>`
    SELECT "value"::text AS value FROM "EnforcementGeneration" WHERE "id" = 1`;
  const key = JSON.stringify([ctx.query.q ?? '', ctx.query.scope ?? 'latest', ctx.environments]);
  let cache = caches.get(prisma);
  if (!cache) caches.set(prisma, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.generation === generation && ctx.now.getTime() < hit.validUntil) return hit;

  const rows: ScannedRow[] = [];
  let scanned = 0;
  for (;;) {
    const batch = await evaluateBatch(scanned, BATCH);
    scanned += batch.length;
    for (const r of batch)
      rows.push({ id: r.toolVersionId, cells: r.cells.map((c) => ({ passes: c.passes, covered: c.covered.length > 0 })) });
    if (batch.length < BATCH || scanned >= MAX_SCANNED) break;
  }
  const next = await prisma.policyException.findFirst({
    where: { status: 'APPROVED', expiresAt: { gt: ctx.now } },
    orderBy: { expiresAt: 'asc' },
    select: { expiresAt: true },
  });
  const entry: Entry = {
    rows,
    truncated: scanned >= MAX_SCANNED,
    generation,
    validUntil: next?.expiresAt.getTime() ?? Number.POSITIVE_INFINITY,
  };
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, entry);
  return entry;
}
