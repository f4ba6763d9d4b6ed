import 'server-only';
import { EXCEPTION_FACTS_SELECT } from '@/lib/server/exceptions/exception-facts-select';
import type { Environment, Prisma } from '@prisma/client';
import { evaluatePolicy, RULE_LABELS } from '@/lib/domain/policy/evaluate';
import type { PolicyEvaluation } from '@/lib/domain/policy/types';
import {
  allowlistStanding,
  fastTrackEligibility,
  needsSecurityReview,
  type FastTrack,
  type FastTrackInput,
} from '@/lib/domain/change-requests/fast-track';
import type { ChangeKind } from '@/lib/domain/change-requests/state-machine';
import { getCurrentPolicy } from '@/lib/server/policies/get-current-policies';
import { VERSION_FACTS_SELECT, versionFactsOf } from '@/lib/server/policies/version-facts';

/** The policy evaluation as it stood when the request was raised, kept verbatim on the request. */
export interface EvaluationSnapshot {
  evaluatedAt: string;
  environment: Environment;
  policyId: string | null;
  policyVersion: number;
  /** False when the tool is not in the inventory (nothing could be evaluated). */
  evaluated: boolean;
  passes: boolean;
  verdicts: { rule: string; label: string; passed: boolean; severity: string; reason: string; coveredBy?: string }[];
  reviewTriggers: { trigger: string; reason: string }[];
  /** True only when an approved allowlist entry waived review for this request (see allowlistStanding). */
  onAllowlist: boolean;
  fastTrack: FastTrack;
  version: {
    tier: string;
    trustScore: number | null;
    network: string;
    filesystem: string;
    codeExecution: string;
    dataAccess: string;
    artifactDigest: string | null;
  } | null;
}

export const SNAPSHOT_VERSION_SELECT = { ...VERSION_FACTS_SELECT, artifactDigest: true } as const;

/** Evaluates the version against the environment's policy in force (fresh read, inside the transaction). */
export async function buildSnapshot(
  tx: Prisma.TransactionClient,
  input: { kind: ChangeKind; environment: Environment; versionId: string | null; requestedById: string | null; now: Date },
): Promise<{ snapshot: EvaluationSnapshot; requiresSecurityReview: boolean }> {
  const policy = await getCurrentPolicy(input.environment, { db: tx });
  const version = input.versionId
    ? await tx.toolVersion.findUnique({ where: { id: input.versionId }, select: SNAPSHOT_VERSION_SELECT })
    : null;
  let evaluation: PolicyEvaluation | null = null;
  let allowlistEntry: FastTrackInput['allowlistEntry'] = null;
  if (version) {
    const exceptions = await tx.policyException.findMany({
      where: { toolId: version.toolId, environment: input.environment, status: 'APPROVED', expiresAt: { gt: input.now } },
      select: EXCEPTION_FACTS_SELECT,
    });
    evaluation = evaluatePolicy(policy, versionFactsOf(version), { now: input.now, exceptions });
    // Read whatever its status: the domain decides whether it counts (only APPROVED, never for its own creator).
    allowlistEntry = await tx.allowlistEntry.findUnique({
      where: { toolId_environment: { toolId: version.toolId, environment: input.environment } },
      select: { status: true, createdById: true },
    });
  }
  const triggers = evaluation?.reviewTriggers ?? [];
  const fastTrack = fastTrackEligibility({
    kind: input.kind,
    evaluated: evaluation !== null,
    policyPasses: evaluation?.passes ?? false,
    failedRules: evaluation?.blocking.map((b) => b.rule) ?? [],
    triggers,
    allowlistEntry,
    requestedById: input.requestedById,
  });
  const onAllowlist = allowlistStanding(allowlistEntry, input.requestedById).waives;
  const snapshot: EvaluationSnapshot = {
    evaluatedAt: input.now.toISOString(),
    environment: input.environment,
    policyId: policy.id ?? null,
    policyVersion: policy.version,
    evaluated: evaluation !== null,
    passes: evaluation?.passes ?? false,
    verdicts: (evaluation?.verdicts ?? []).map((v) => ({
      rule: v.rule,
      label: RULE_LABELS[v.rule],
      passed: v.passed,
      severity: v.severity,
      reason: v.reason,
      ...(v.coveredBy ? { coveredBy: v.coveredBy } : {}),
    })),
    reviewTriggers: triggers.map((t) => ({ trigger: t.trigger, reason: t.reason })),
    onAllowlist,
    fastTrack,
    version: version
      ? {
          tier: version.tier,
          trustScore: version.trustScore,
          network: version.network,
          filesystem: version.filesystem,
          codeExecution: version.codeExecution,
          dataAccess: version.dataAccess,
          artifactDigest: version.artifactDigest,
        }
      : null,
  };
  const requiresSecurityReview = needsSecurityReview({
    kind: input.kind,
    evaluated: snapshot.evaluated,
    policyPasses: snapshot.passes,
    triggers,
  });
  return { snapshot, requiresSecurityReview };
}

/**
 * Reads a stored snapshot defensively: requests opened by the enforcement API for unknown tools
 * (lib/server/enforcement/open-request-for-unknown-tool.ts) store a smaller shape.
 */
export function readSnapshot(json: unknown, fallbackEnvironment: Environment): EvaluationSnapshot {
  const s = (json && typeof json === 'object' ? json : {}) as Partial<EvaluationSnapshot> & {
    note?: string;
    unknownTool?: boolean;
  };
  const verdicts = Array.isArray(s.verdicts) ? s.verdicts : [];
  const evaluated = typeof s.evaluated === 'boolean' ? s.evaluated : !s.unknownTool && verdicts.length > 0;
  return {
    evaluatedAt: typeof s.evaluatedAt === 'string' ? s.evaluatedAt : new Date(0).toISOString(),
    environment: s.environment ?? fallbackEnvironment,
    policyId: s.policyId ?? null,
    policyVersion: typeof s.policyVersion === 'number' ? s.policyVersion : 0,
    evaluated,
    passes: Boolean(s.passes),
    verdicts,
    reviewTriggers: Array.isArray(s.reviewTriggers) ? s.reviewTriggers : [],
    onAllowlist: Boolean(s.onAllowlist),
    fastTrack:
      s.fastTrack && typeof s.fastTrack === 'object' && 'eligible' in s.fastTrack
        ? s.fastTrack
        : { eligible: false, reason: s.note ?? 'Not assessed when the request was opened' },
    version: s.version ?? null,
  };
}
