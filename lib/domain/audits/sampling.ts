import { createHash } from 'node:crypto';

/**
 * Sampling that anyone can redraw offline (issue 14, README "Auditor portal"): each record's
 * key is SHA-256 over the UTF-8 of `seed + recordId` (hex); the population is ordered by that
 * key ascending (ties, which need a hash collision, by id) and the first `size` records are the
 * sample. The same seed and population always give the same sample; a new seed a new one.
 *
 *   printf '%s' "$SEED$ID" | sha256sum   # for every id, then sort and take the first n
 */
export function sampleKey(seed: string, recordId: string): string {
  return createHash('sha256')
    .update(seed + recordId, 'utf8')
    .digest('hex');
}

export function drawSample(seed: string, recordIds: readonly string[], size: number): string[] {
  return recordIds
    .map((id) => ({ id, key: sampleKey(seed, id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, Math.max(0, size))
    .map((x) => x.id);
}

/** A seed is short printable text an auditor can write down and type again. */
export const SEED_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * Sample sizes for tests of controls by population size, after the table auditors commonly use
 * from the AICPA's audit sampling guidance (control frequency → minimum sample): annual 1,
 * quarterly 2, monthly 2, weekly 5, daily 25, many times a day 40. The upper end of each row is
 * the population size that frequency produces in a year. Never more than the population.
 */
export const AICPA_TABLE: readonly { upTo: number; size: number; frequency: string }[] = [
  { upTo: 1, size: 1, frequency: 'Annual (1)' },
  { upTo: 4, size: 2, frequency: 'Quarterly (2–4)' },
  { upTo: 12, size: 2, frequency: 'Monthly (5–12)' },
  { upTo: 52, size: 5, frequency: 'Weekly (13–52)' },
  { upTo: 365, size: 25, frequency: 'Daily (53–365)' },
  { upTo: Number.POSITIVE_INFINITY, size: 40, frequency: 'Many times a day (366+)' },
];

export function aicpaSampleSize(populationSize: number): number {
  if (populationSize <= 0) return 0;
  const row = AICPA_TABLE.find((r) => populationSize <= r.upTo)!;
  return Math.min(row.size, populationSize);
}

export type SampleSizeCheck = { ok: true; size: number } | { ok: false; field: 'size' | 'population'; message: string };

/** The form's rules: a population to draw from, and a size between 1 and its count. */
export function checkSampleSize(populationSize: number, requested: number | 'aicpa'): SampleSizeCheck {
  if (populationSize === 0)
    return { ok: false, field: 'population', message: 'The population of this period is empty: nothing to sample' };
  const size = requested === 'aicpa' ? aicpaSampleSize(populationSize) : requested;
  if (size > populationSize)
    return { ok: false, field: 'size', message: `The population has ${populationSize} records: the sample cannot be larger` };
  if (size < 1) return { ok: false, field: 'size', message: 'Draw at least one record' };
  return { ok: true, size };
}
