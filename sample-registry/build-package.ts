import { createHash } from 'node:crypto';
import type { SampleCapability, SamplePackage, SamplePermissions, SampleRun, SampleVersion, StepStatus } from './model';

/** Fixed "now" of the sample data: dates never move, so the same data always hashes the same. */
export const SAMPLE_ANCHOR = Date.parse('2026-11-24T09:00:00Z');
const DAY = 86_400_000;

/** Small seeded PRNG (mulberry32): same seed, same catalogue, on every machine. */
export function prng(seed: string): () => number {
  let a = Number.parseInt(createHash('sha256').update(seed).digest('hex').slice(0, 8), 16) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Quality = 'gold' | 'verified' | 'partial' | 'unverified';

export interface ToolSpec {
  slug: string;
  name: string;
  type: SamplePackage['package_type'];
  runtime: SamplePackage['runtime'];
  publisher: string;
  summary: string;
  caps: string[];
  versions: number;
  quality: Quality;
  /** Permissions of the first version, then changes from a version index on. */
  perms: Partial<SamplePermissions>;
  changes?: { at: number; perms: Partial<SamplePermissions> }[];
  /** A failed check on version `at`. */
  fail?: { at: number; step: 'install' | 'import' | 'smoke' }[];
  deprecated?: boolean;
  tags?: string[];
}

const BASE_PERMS: SamplePermissions = {
  network_level: 'none',
  allowed_domains: [],
  filesystem_level: 'none',
  code_execution_level: 'none',
  data_access_level: 'input_only',
  user_approval_level: 'never',
  external_integrations: [],
};

const SCORE_BANDS: Record<Quality, [number, number]> = {
  gold: [90, 99],
  verified: [72, 89],
  partial: [52, 69],
  unverified: [20, 48],
};
const PROPS = ['query', 'path', 'url', 'limit', 'channel', 'repository', 'sql', 'text', 'format', 'timeout_ms'];

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function iso(ms: number): string {
  return new Date(Math.round(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function capability(slug: string, name: string, rand: () => number): SampleCapability {
  const props: Record<string, unknown> = {};
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    const p = PROPS[Math.floor(rand() * PROPS.length)]!;
    props[p] = { type: p === 'limit' || p === 'timeout_ms' ? 'integer' : 'string' };
  }
  return {
    name,
    capability_id: name.replace(/_/g, '-'),
    description: `${name.replace(/_/g, ' ')} (${slug}).`,
    input_schema: { type: 'object', properties: props, required: Object.keys(props).slice(0, 1) },
  };
}

function nextVersion(prev: string, rand: () => number): string {
  const [maj, min, pat] = prev.split('.').map(Number) as [number, number, number];
  const r = rand();
  if (r < 0.08) return `${maj + 1}.0.0`;
  if (r < 0.45) return `${maj}.${min + 1}.0`;
  return `${maj}.${min}.${pat + 1}`;
}

/** A verification run in AgentNode's terms, its tier computed by AgentNode's caps. */
export function makeRun(
  quality: Quality,
  publishedAt: number,
  rand: () => number,
  failStep?: 'install' | 'import' | 'smoke',
): SampleRun {
  const [lo, hi] = SCORE_BANDS[quality];
  let score = lo + Math.floor(rand() * (hi - lo + 1));
  const smokePassed = quality === 'gold' || rand() < 0.5;
  const steps: Record<'install' | 'import' | 'smoke' | 'tests', StepStatus> = {
    install: 'passed',
    import: 'passed',
    smoke: smokePassed ? 'passed' : 'inconclusive',
    tests: quality === 'gold' ? 'passed' : rand() < 0.5 ? 'not_present' : 'passed',
  };
  let error: string | null = null;
  if (failStep === 'install') {
    Object.assign(steps, { install: 'failed', import: 'skipped', smoke: 'skipped', tests: 'skipped' });
    error = 'pip install failed: no matching distribution for a pinned dependency';
    score = 0;
  } else if (failStep === 'import') {
    Object.assign(steps, { import: 'failed', smoke: 'skipped', tests: 'skipped' });
    error = 'ImportError: cannot import name entrypoint from the package';
    score = 15;
  } else if (failStep === 'smoke') {
    steps.smoke = 'failed';
    error = 'Smoke test raised RuntimeError on the sample input';
    score = Math.min(score, 45);
  }
  const started = publishedAt + (5 + Math.floor(rand() * 50)) * 60_000;
  const run: SampleRun = {
    status: failStep ? 'failed' : 'passed',
    started_at: iso(started),
    completed_at: iso(started + 240_000),
    install_status: steps.install,
    import_status: steps.import,
    smoke_status: steps.smoke,
    tests_status: steps.tests,
    score,
    tier: 'unverified',
    confidence: steps.smoke === 'passed' ? 'high' : 'medium',
    // A sandbox limit (not a credential boundary): AgentNode caps that at Verified, which these
    // runs are at most anyway. The demo's credential-boundary case is set in demo-catalog.ts.
    smoke_reason: steps.smoke === 'inconclusive' ? 'external_network_blocked' : null,
    verification_mode: 'real',
    reliable_runs: failStep === 'install' || failStep === 'import' ? null : 3,
    warnings_count: Math.floor(rand() * 3),
    triggered_by: 'publish',
    error_summary: error,
    run_count: 1,
  };
  return { ...run, tier: agentNodeTier(run) };
}

const TIER_ORDER: Record<SampleRun['tier'], number> = { unverified: 0, partial: 1, verified: 2, gold: 3 };
const capAt = (tier: SampleRun['tier'], max: SampleRun['tier']) => (TIER_ORDER[tier] > TIER_ORDER[max] ? max : tier);

/**
 * The tier AgentNode itself reports for a run: score bands, then its hard caps (after
 * agentnode-ai/agentnode backend/app/verification/scoring.py apply_tier_caps). The sample
 * registry grades on its own, so ToolLedger's rule (lib/domain/tiers.ts) is tested against it.
 */
export function agentNodeTier(run: Omit<SampleRun, 'tier'>): SampleRun['tier'] {
  const s = run.score;
  let tier: SampleRun['tier'] = s >= 90 ? 'gold' : s >= 70 ? 'verified' : s >= 50 ? 'partial' : 'unverified';
  if (run.smoke_status !== 'passed') tier = capAt(tier, 'verified');
  const testsPassed = run.tests_status === 'passed';
  if (run.smoke_reason === 'credential_boundary_reached' || run.smoke_reason === 'needs_credentials')
    tier = capAt(tier, testsPassed ? 'verified' : 'partial');
  if (run.verification_mode === 'mock') tier = capAt(tier, 'partial');
  if (run.verification_mode === 'limited') tier = capAt(tier, 'verified');
  const realMode = ['real', 'cases_real', 'fixture'].includes(run.verification_mode);
  if (tier === 'gold' && (!realMode || (run.reliable_runs !== null && run.reliable_runs / 3 < 0.9))) tier = 'verified';
  return tier;
}

/** Expands a compact spec into a package with its versions, deterministic per slug. */
export function buildPackage(spec: ToolSpec): SamplePackage {
  const rand = prng(spec.slug);
  const first = SAMPLE_ANCHOR - (200 + Math.floor(rand() * 340)) * DAY;
  const span = SAMPLE_ANCHOR - 3 * DAY - first;
  const times = Array.from({ length: spec.versions }, (_, i) =>
    spec.versions === 1 ? first : first + (span * i) / (spec.versions - 1) - Math.floor(rand() * 5) * DAY,
  );
  let perms: SamplePermissions = { ...BASE_PERMS, ...spec.perms };
  let caps = spec.caps.slice(0, Math.max(1, spec.caps.length - 1)).map((c) => capability(spec.slug, c, rand));
  let version = rand() < 0.3 ? '0.9.0' : '1.0.0';
  const versions: SampleVersion[] = [];
  for (let i = 0; i < spec.versions; i++) {
    if (i > 0) version = nextVersion(version, rand);
    const change = spec.changes?.find((c) => c.at === i);
    if (change) perms = { ...perms, ...change.perms };
    if (i === Math.floor(spec.versions / 2) && caps.length < spec.caps.length) {
      caps = [...caps, capability(spec.slug, spec.caps[caps.length]!, rand)];
    }
    const fail = spec.fail?.find((f) => f.at === i)?.step;
    const publishedAt = times[i]!;
    versions.push({
      version_number: version,
      channel: version.startsWith('0.') ? 'beta' : 'stable',
      changelog:
        i === 0 ? 'First release.' : change ? 'Adds new capabilities (see permissions).' : 'Fixes and dependency updates.',
      published_at: iso(publishedAt),
      permissions: { ...perms },
      capabilities: caps,
      artifact_hash: sha256Hex(`${spec.slug}@${version}`),
      size_bytes: 20_000 + Math.floor(rand() * 400_000),
      signature_present: spec.publisher !== 'quickbuild-labs',
      provenance_present: spec.publisher !== 'quickbuild-labs' && spec.quality !== 'unverified',
      source_repo: `https://github.com/${spec.publisher}/${spec.slug}`,
      yanked: false,
      quarantine_status: 'none',
      run: makeRun(spec.quality, publishedAt, rand, fail),
    });
  }
  return {
    slug: spec.slug,
    name: spec.name,
    package_type: spec.type,
    runtime: spec.runtime,
    summary: spec.summary,
    description: `${spec.summary} Published by ${spec.publisher} on the sample registry.`,
    publisher: spec.publisher,
    download_count: Math.floor(rand() * 50_000),
    is_deprecated: spec.deprecated ?? false,
    tags: spec.tags ?? [],
    versions,
  };
}
