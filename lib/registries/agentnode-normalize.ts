import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/domain/canonical-json';
import { capTier, deriveTier, parseRegistryTier, type CappedTier } from '@/lib/domain/tiers';
import { mapAgentNodePermissions } from './agentnode-permissions';
import type { TInstallInfo, TPackageDetail, TTrustResponse, TVerificationRun } from './agentnode-schemas';

type TVerificationInfo = NonNullable<TPackageDetail['verification']>;
import type { CheckStatus, NormalizedCheck, NormalizedVerification, NormalizedVersion, Provenance, RiskSignal } from './types';

/** Pure: AgentNode answers for one version → our normalized version with its verification run. */

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The run as the detail's verification block describes it (steps by name). */
export function runFromDetail(info: TVerificationInfo): TVerificationRun {
  const step = (name: string) => info.steps.find((s) => s.name === name)?.status ?? null;
  return {
    status: 'passed',
    completed_at: info.last_verified_at ?? null,
    last_verified_at: info.last_verified_at ?? null,
    install_status: step('install'),
    import_status: step('import'),
    smoke_status: step('smoke'),
    tests_status: step('tests'),
  };
}

/** passed → PASS; failed/error → FAIL; skipped, not_present, inconclusive, not_executed → SKIPPED. */
export function mapStepStatus(status: string | null | undefined): CheckStatus {
  if (status === 'passed') return 'PASS';
  if (status === 'failed' || status === 'error') return 'FAIL';
  return 'SKIPPED';
}

function check(name: string, sourceStatus: string | null | undefined, detail?: string | null): NormalizedCheck {
  return { name, status: mapStepStatus(sourceStatus), sourceStatus: sourceStatus ?? 'missing', ...(detail ? { detail } : {}) };
}

/**
 * The permission-declaration check AgentNode has no step for: the version declares its
 * permissions, and the declaration in the package detail agrees with the one the installer gets.
 */
export function permissionDeclarationCheck(detail: TPackageDetail, install: TInstallInfo | null): NormalizedCheck {
  const declared = detail.blocks.permissions;
  if (!declared) return { name: 'permissions', status: 'FAIL', sourceStatus: 'missing', detail: 'No permission declaration' };
  if (!install)
    return { name: 'permissions', status: 'SKIPPED', sourceStatus: 'declared', detail: 'Install metadata unavailable' };
  const keys = ['network_level', 'filesystem_level', 'code_execution_level', 'data_access_level'] as const;
  const differing = keys.filter((k) => declared[k] !== install.permissions[k]);
  if (differing.length > 0) {
    return {
      name: 'permissions',
      status: 'FAIL',
      sourceStatus: 'mismatch',
      detail: `Detail and install metadata disagree on ${differing.join(', ')}`,
    };
  }
  return { name: 'permissions', status: 'PASS', sourceStatus: 'declared' };
}

export function toolDefinitions(detail: TPackageDetail) {
  const defs = detail.blocks.capabilities
    .map((c) => ({ name: c.name, description: c.description ?? '', inputSchema: c.input_schema ?? {} }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { definitions: defs, hash: sha256Hex(canonicalJson(defs)) };
}

/**
 * Reliability as the scorer reports it: `breakdown.reliability.reason` is "N/M runs passed"
 * (AgentNode scoring.py); null when it reports none or only an inferred credit.
 */
export function reliabilityOf(scoreBreakdown: unknown): number | null {
  if (!scoreBreakdown || typeof scoreBreakdown !== 'object') return null;
  const root = scoreBreakdown as Record<string, unknown>;
  const breakdown = root.breakdown && typeof root.breakdown === 'object' ? (root.breakdown as Record<string, unknown>) : root;
  const item = breakdown.reliability;
  if (!item || typeof item !== 'object') return null;
  const m = /^(\d+)\s*\/\s*(\d+) runs? passed/.exec(String((item as Record<string, unknown>).reason ?? ''));
  if (!m || Number(m[2]) === 0) return null;
  return Number(m[1]) / Number(m[2]);
}

/** Our tier for one AgentNode run: the score's tier under AgentNode's caps, never above its own tier. */
export function gradeRun(
  scoreTier: ReturnType<typeof deriveTier>,
  run: TVerificationRun,
  info: TVerificationInfo | null,
  registryTier: string | null,
): CappedTier {
  return capTier({
    scoreTier,
    mode: info?.verification_mode ?? null,
    smokePassed: run.smoke_status === 'passed',
    smokeReason: info?.smoke_reason ?? null,
    reliability: reliabilityOf(info?.score_breakdown),
    registryTier: parseRegistryTier(registryTier),
  });
}

export function buildVerification(
  slug: string,
  detail: TPackageDetail,
  run: TVerificationRun,
  install: TInstallInfo | null,
): NormalizedVerification | null {
  if (run.status === 'pending' || run.status === 'running') return null;
  const info = detail.verification ?? null;
  const verifiedAt = run.completed_at ?? run.last_verified_at ?? info?.last_verified_at;
  if (!verifiedAt) return null;
  const checks: NormalizedCheck[] = [
    check('installation', run.install_status, run.install_status === 'failed' ? run.error_summary : null),
    check('import', run.import_status, run.import_status === 'failed' ? run.error_summary : null),
    check('sandbox', run.smoke_status, run.smoke_status === 'failed' ? run.error_summary : (info?.smoke_reason ?? null)),
    permissionDeclarationCheck(detail, install),
    check('tests', run.tests_status),
  ];
  const score = info?.score ?? install?.verification_score ?? null;
  const anyCheckFailed = checks.some((c) => c.status === 'FAIL') || run.status === 'failed' || run.status === 'error';
  const registryTier = info?.tier ?? install?.verification_tier ?? null;
  const graded = gradeRun(deriveTier({ score, anyCheckFailed }), run, info, registryTier);
  const tierCap = graded.cappedFrom ? { from: graded.cappedFrom, reason: graded.caps.map((c) => c.reason).join('; ') } : null;
  // Only what describes the verification goes into the evidence: download counters and
  // signed URLs change every call and would make every sync look like a re-verification.
  const rawPayload = {
    source: 'agentnode',
    package: slug,
    version: detail.latest_version?.version_number ?? null,
    verification_run: run,
    verification: info,
    permissions: detail.blocks.permissions,
    install_info: install
      ? {
          permissions: install.permissions,
          artifact_sha256: install.artifact?.hash_sha256 ?? null,
          verification_status: install.verification_status ?? null,
          verification_tier: install.verification_tier ?? null,
          verification_score: install.verification_score ?? null,
        }
      : null,
    // Only when a cap applies, so records graded before the caps existed get a new, capped record
    // on the next sync (same run, new evidence hash) while uncapped ones stay as they are.
    ...(tierCap ? { tier_cap: { score_tier: tierCap.from, tier: graded.tier, reason: tierCap.reason } } : {}),
  };
  return {
    verifiedAt: new Date(verifiedAt),
    checks,
    trustScore: score === null ? null : Math.round(score),
    tier: graded.tier,
    registryTier,
    tierCap,
    rawPayload,
    payloadSha256: sha256Hex(canonicalJson(rawPayload)),
  };
}

export function buildVersion(
  slug: string,
  detail: TPackageDetail,
  run: TVerificationRun | null,
  install: TInstallInfo | null,
  trust: TTrustResponse | null,
): NormalizedVersion {
  const declared =
    install?.permissions ??
    (detail.blocks.permissions ? { ...detail.blocks.permissions, allowed_domains: [], external_integrations: [] } : null);
  const permissions = declared
    ? mapAgentNodePermissions(declared)
    : // No declaration at all: assume the worst, the permission check fails and says so.
      {
        network: 'EXTERNAL' as const,
        filesystem: 'WRITE' as const,
        codeExecution: 'UNRESTRICTED' as const,
        dataAccess: 'READ_WRITE' as const,
      };
  const defs = toolDefinitions(detail);
  const t = detail.blocks.trust;
  const provenance: Provenance = {
    signaturePresent: trust?.signature_present ?? t.signature_present,
    signatureVerified: trust?.signature_verified ?? null,
    provenancePresent: trust?.provenance_present ?? t.provenance_present,
    provenanceVerified: trust?.provenance_verified ?? null,
    signer: t.signature_present || t.provenance_present ? (trust?.source_repo ?? detail.source_url ?? null) : null,
    sourceRepo: trust?.source_repo ?? detail.source_url ?? null,
  };
  const quarantine = trust?.quarantine_status ?? detail.quarantine_status ?? null;
  const signals: RiskSignal[] = [];
  if (!provenance.signaturePresent) signals.push({ key: 'unsigned', label: 'Artifact not signed', severity: 'medium' });
  if (!provenance.provenancePresent) signals.push({ key: 'no-provenance', label: 'No source provenance', severity: 'low' });
  if (quarantine && quarantine !== 'none' && quarantine !== 'cleared') {
    signals.push({ key: 'quarantined', label: `Registry quarantine: ${quarantine}`, severity: 'critical' });
  }
  if (detail.verification?.verification_mode === 'mock')
    signals.push({ key: 'mock-verification', label: 'Verified in mock mode only', severity: 'medium' });
  if (detail.verification?.smoke_reason) {
    signals.push({
      key: 'smoke-inconclusive',
      label: `Smoke test inconclusive: ${detail.verification.smoke_reason}`,
      severity: 'info',
    });
  }
  if (detail.is_deprecated) signals.push({ key: 'deprecated', label: 'Package deprecated by its publisher', severity: 'medium' });
  const verification = run ? buildVerification(slug, detail, run, install) : null;
  return {
    version: detail.latest_version?.version_number ?? '',
    publishedAt: detail.latest_version ? new Date(detail.latest_version.published_at) : null,
    artifactDigest: install?.artifact?.hash_sha256 ? `sha256:${install.artifact.hash_sha256.toLowerCase()}` : null,
    toolDefinitions: defs.definitions,
    toolDefsHash: defs.hash,
    permissions,
    declaredPermissions: declared ? { ...declared } : null,
    allowedDomains: install?.permissions.allowed_domains ?? [],
    provenance,
    quarantineStatus: quarantine,
    yanked: false,
    riskSignals: signals,
    verifications: verification ? [verification] : [],
  };
}
