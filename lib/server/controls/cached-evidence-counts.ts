import 'server-only';
import type { PrismaClient } from '@prisma/client';
import type { EvidenceCount, EvidenceKind } from '@/lib/domain/controls';
import { countEvidence, type CountRange } from './evidence-counts';

/**
 * How long the Controls page reuses its evidence counts (issue 9): a minute. Counting is ~70
 * queries over whole tables (the decisions, the invocation events, the audit trail) and grew to
 * seconds with 10k tools and 200k decisions, on every view. The page is a compliance summary,
 * read for "is each criterion evidenced", not a live counter: a count up to a minute old changes
 * no state there, and the page says when it was counted. A time to live, not a generation
 * counter, because nearly every write of the app (each enforcement decision, each audit record)
 * moves some count: a generation bumped by all of them would empty the cache at every request.
 * The findings that are the state now (unapproved installations, overdue alerts, admins, the audit
 * chain) are not cached. Per process: each instance counts at most once a minute per range.
 */
export const EVIDENCE_COUNTS_TTL_MS = 60_000;

type Counts = Partial<Record<EvidenceKind, EvidenceCount>>;
interface Entry {
  countedAt: Date;
  counts: Promise<Counts>;
}

// Per database (tests and the bench open several in one process), per range.
const cache = new WeakMap<PrismaClient, Map<string, Entry>>();

const fresh = (e: Entry, now: Date) => {
  const age = now.getTime() - e.countedAt.getTime();
  return age >= 0 && age < EVIDENCE_COUNTS_TTL_MS;
};

/**
 * countEvidence(db, range), reused for EVIDENCE_COUNTS_TTL_MS by views at the same range. A range
 * that ends `now` moves with the clock, so it is kept as "up to now" and counted up to the time of
 * counting (`countedAt`). Concurrent views share one count in flight.
 */
export async function cachedEvidenceCounts(
  db: PrismaClient,
  range: CountRange,
  now: Date,
): Promise<{ counts: Counts; countedAt: Date }> {
  // An auditor's counts are cut to their audits' slices (ADR 0010): the slices are part of the key.
  const key = `${range.from?.toISOString() ?? ''}|${range.to.getTime() === now.getTime() ? 'now' : range.to.toISOString()}|${JSON.stringify(range.slices ?? null)}`;
  let entries = cache.get(db);
  if (!entries) cache.set(db, (entries = new Map()));
  for (const [k, e] of entries) if (!fresh(e, now)) entries.delete(k);
  let entry = entries.get(key);
  if (!entry) {
    const made: Entry = { countedAt: now, counts: countEvidence(db, range) };
    // A failed count is not kept: the next view counts again.
    made.counts.catch(() => entries.get(key) === made && entries.delete(key));
    entries.set(key, made);
    entry = made;
  }
  return { counts: await entry.counts, countedAt: entry.countedAt };
}
