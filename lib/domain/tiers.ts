import type { Tier } from './types';

/** Score floors, as AgentNode grades them (shared/ARCHITECTURE.md §4). */
export const TIER_FLOORS = { GOLD: 90, VERIFIED: 70, PARTIAL: 50 } as const;

/** Higher is better; FAILED ranks below everything. */
export const TIER_RANK: Record<Tier, number> = { GOLD: 4, VERIFIED: 3, PARTIAL: 2, UNVERIFIED: 1, FAILED: 0 };

export const TIER_LABELS: Record<Tier, string> = {
  GOLD: 'Gold',
  VERIFIED: 'Verified',
  PARTIAL: 'Partial',
  UNVERIFIED: 'Unverified',
  FAILED: 'Failed',
};

/**
 * Our tier for one version, derived the same way for every source: a failed check makes it
 * Failed whatever the score; no score (no verification record) is Unverified.
 */
export function deriveTier(input: { score: number | null | undefined; anyCheckFailed: boolean }): Tier {
  if (input.anyCheckFailed) return 'FAILED';
  const score = input.score;
  if (score === null || score === undefined || !Number.isFinite(score)) return 'UNVERIFIED';
  if (score >= TIER_FLOORS.GOLD) return 'GOLD';
  if (score >= TIER_FLOORS.VERIFIED) return 'VERIFIED';
  if (score >= TIER_FLOORS.PARTIAL) return 'PARTIAL';
  return 'UNVERIFIED';
}

/** True when `tier` is at least `minimum`. */
export function tierAtLeast(tier: Tier, minimum: Tier): boolean {
  return TIER_RANK[tier] >= TIER_RANK[minimum];
}

/** Why a version ranks below what its score alone would give (shared/ARCHITECTURE.md §4). */
export type TierCapKey =
  | 'mock-mode'
  | 'credential-boundary'
  | 'limited-mode'
  | 'smoke-not-passed'
  | 'contract-invalid'
  | 'gold-needs-real-mode'
  | 'gold-needs-reliability'
  | 'registry-tier';

export interface TierCap {
  key: TierCapKey;
  /** The highest tier this rule allows. */
  max: Tier;
  reason: string;
}

/** What a verification run says beyond its score: the facts AgentNode caps a tier on. */
export interface RunGrading {
  /** The tier the score alone gives (deriveTier). */
  scoreTier: Tier;
  /** AgentNode `verification_mode`: real | mock | limited (and its newer cases_real | fixture | real_auto). */
  mode?: string | null;
  /** True only when the smoke test ran and passed; a missing, skipped or inconclusive smoke test is false. */
  smokePassed: boolean;
  /** AgentNode `smoke_reason` (credential_boundary_reached, needs_credentials, …). */
  smokeReason?: string | null;
  /** False when the registry says the return contract failed; null when it does not say. */
  contractValid?: boolean | null;
  /** Share of repeated runs that succeeded, 0..1; null when the registry does not report it. */
  reliability?: number | null;
  /** The registry's own tier for this run, in our words; null when it reports none. */
  registryTier?: Tier | null;
}

export interface CappedTier {
  tier: Tier;
  /** The score's tier when a cap lowered it, else null. */
  cappedFrom: Tier | null;
  /** The rules that set the final tier (those whose maximum is the final tier), most specific first. */
  caps: TierCap[];
}

const CREDENTIAL_BOUNDARY = new Set(['credential_boundary_reached', 'needs_credentials']);
/** Modes in which the sandbox really ran the tool (AgentNode: real, or cases_real/fixture from explicit cases). */
const REAL_MODES = new Set(['real', 'cases_real', 'fixture']);
/** AgentNode: Gold also needs reliability ≥ 0.9 over its repeated runs. */
export const GOLD_MIN_RELIABILITY = 0.9;

function lower(a: Tier, b: Tier): Tier {
  return TIER_RANK[a] <= TIER_RANK[b] ? a : b;
}

/** Every rule that applies to this run, whatever the score (pure; order = how specific the reason is). */
export function tierCaps(run: Omit<RunGrading, 'scoreTier'>): TierCap[] {
  const caps: TierCap[] = [];
  const mode = run.mode?.trim() || null;
  if (mode === 'mock') caps.push({ key: 'mock-mode', max: 'PARTIAL', reason: 'mock-mode run' });
  if (run.smokeReason && CREDENTIAL_BOUNDARY.has(run.smokeReason)) {
    caps.push({
      key: 'credential-boundary',
      max: 'PARTIAL',
      reason: `run stopped at a credential boundary (${run.smokeReason})`,
    });
  }
  if (mode === 'limited') caps.push({ key: 'limited-mode', max: 'VERIFIED', reason: 'limited-mode run' });
  if (!run.smokePassed) caps.push({ key: 'smoke-not-passed', max: 'VERIFIED', reason: 'smoke test not passed' });
  if (run.contractValid === false) caps.push({ key: 'contract-invalid', max: 'VERIFIED', reason: 'return contract invalid' });
  if (mode !== null && !REAL_MODES.has(mode) && mode !== 'mock' && mode !== 'limited') {
    caps.push({ key: 'gold-needs-real-mode', max: 'VERIFIED', reason: `Gold needs a real-mode run (mode “${mode}”)` });
  }
  if (run.reliability !== null && run.reliability !== undefined && run.reliability < GOLD_MIN_RELIABILITY) {
    caps.push({
      key: 'gold-needs-reliability',
      max: 'VERIFIED',
      reason: `reliability ${run.reliability.toFixed(2)} below ${GOLD_MIN_RELIABILITY}`,
    });
  }
  if (run.registryTier && run.registryTier !== 'FAILED') {
    caps.push({ key: 'registry-tier', max: run.registryTier, reason: `the registry grades it ${TIER_LABELS[run.registryTier]}` });
  }
  return caps;
}

/**
 * The tier as AgentNode grades it: the score's tier, lowered by every cap that applies, and
 * never above the registry's own tier. Caps only lower: a Failed run stays Failed, and nothing
 * here raises a tier (AgentNode's "floor to partial" is its own business: its tier says so).
 */
export function capTier(run: RunGrading): CappedTier {
  if (run.scoreTier === 'FAILED') return { tier: 'FAILED', cappedFrom: null, caps: [] };
  const caps = tierCaps(run);
  const tier = caps.reduce<Tier>((t, c) => lower(t, c.max), run.scoreTier);
  if (tier === run.scoreTier) return { tier, cappedFrom: null, caps: [] };
  return { tier, cappedFrom: run.scoreTier, caps: caps.filter((c) => c.max === tier) };
}

/** "capped from Gold: mock-mode run", or null when nothing capped the tier. */
export function describeTierCap(cappedFrom: Tier | null | undefined, reason: string | null | undefined): string | null {
  if (!cappedFrom) return null;
  return `capped from ${TIER_LABELS[cappedFrom]}${reason ? `: ${reason}` : ''}`;
}

/** "Verified (capped from Gold: mock-mode run)" — how the tool page and exports say it. */
export function describeCappedTier(tier: Tier, cappedFrom: Tier | null | undefined, reason: string | null | undefined): string {
  const cap = cappedFrom === tier ? null : describeTierCap(cappedFrom, reason);
  return cap ? `${TIER_LABELS[tier]} (${cap})` : TIER_LABELS[tier];
}

/** An AgentNode tier word (gold | verified | partial | unverified) in our terms; anything else is null. */
export function parseRegistryTier(word: string | null | undefined): Tier | null {
  switch (word?.trim().toLowerCase()) {
    case 'gold':
      return 'GOLD';
    case 'verified':
      return 'VERIFIED';
    case 'partial':
      return 'PARTIAL';
    case 'unverified':
      return 'UNVERIFIED';
    default:
      return null;
  }
}
