import 'server-only';
import type { PrismaClient } from '@prisma/client';
import type { ControlFacts, EvidenceCount, EvidenceKind } from '@/lib/domain/controls';
import { ENVIRONMENTS } from '@/lib/domain/types';
import { checkAuditChainSinceCheckpoint } from '@/lib/server/audit/check-chain-since-checkpoint';
import { auditChainCheckSection } from '@/lib/server/evidence/sections/audit-chain-check';
import { countEvidence, type CountRange } from './evidence-counts';

const DAY_MS = 86_400_000;
/** How long a HIGH or CRITICAL alert may stay unacknowledged before it is a gap. */
const SEVERE_ALERT_WINDOW_DAYS = 3;

export interface ControlFactsOptions {
  /** The evidence counts, when the caller keeps them (the Controls page reuses them a minute). */
  evidence?: Promise<Partial<Record<EvidenceKind, EvidenceCount>>>;
  /**
   * Check the audit chain from the newest signed checkpoint on (the live page), instead of
   * re-computing all of it (what a pack and an audit's criterion page state).
   */
  chainSinceCheckpoint?: boolean;
}

/**
 * The facts the controls map's rules read, as of `range.to` (the /controls page passes now, a
 * pack its period end). Evidence counts cover the range; the problem counts are the state now.
 */
export async function gatherControlFacts(
  db: PrismaClient,
  range: CountRange,
  options: ControlFactsOptions = {},
): Promise<ControlFacts> {
  const now = range.to;
  const active = { state: 'ACTIVE' as const };
  const [
    evidence,
    chain,
    checkpoint,
    inUse,
    policies,
    unapprovedInstallations,
    overdueSevereAlerts,
    activeAdmins,
    overdueExceptions,
  ] = await Promise.all([
    options.evidence ?? countEvidence(db, range),
    options.chainSinceCheckpoint
      ? checkAuditChainSinceCheckpoint(db, now)
      : auditChainCheckSection.document({
          db,
          scope: { from: range.from ?? new Date(0), to: now, environments: [], toolIds: [] },
        }),
    db.auditCheckpoint.findFirst({
      where: { createdAt: { lt: now } },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    }),
    db.installation.findMany({
      where: active,
      distinct: ['toolId', 'environment'],
      select: {
        toolId: true,
        environment: true,
        tool: { select: { verificationState: true, lastVerifiedAt: true, dataClassification: true } },
      },
    }),
    Promise.all(ENVIRONMENTS.map((environment) => db.policy.findFirst({ where: { environment }, orderBy: { version: 'desc' } }))),
    // Unapproved: running with no change request linked to it (issue 14: the installations population flags the same).
    db.installation.count({ where: { ...active, changeRequestId: null } }),
    db.alert.count({
      where: {
        state: 'OPEN',
        severity: { in: ['HIGH', 'CRITICAL'] },
        createdAt: { lt: new Date(now.getTime() - SEVERE_ALERT_WINDOW_DAYS * DAY_MS) },
      },
    }),
    db.user.count({ where: { role: 'ADMIN', active: true } }),
    db.policyException.count({
      where: { status: 'APPROVED', OR: [{ expiresAt: { lt: now } }, { remediationDate: { lt: now } }] },
    }),
  ]);
  const [selfApprovals] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "Approval" a JOIN "ChangeRequest" c ON c.id = a."changeRequestId"
    WHERE a.decision = 'APPROVED' AND a.automatic = false AND a."reviewerId" = c."requestedById"`;
  // Data flow maps (issue 12.2): personal data in a current map brings the privacy criteria into scope.
  const personalMaps = await db.dataFlowMap.count({ where: { next: { is: null }, dataClasses: { has: 'PERSONAL' } } });
  const policyOf = new Map(ENVIRONMENTS.map((e, i) => [e, policies[i]]));
  const tools = new Map(inUse.map((i) => [i.toolId, i.tool]));
  const stale = new Set<string>();
  for (const i of inUse) {
    const maxDays = policyOf.get(i.environment)?.maxVerificationAgeDays;
    const verified = i.tool.lastVerifiedAt;
    if (maxDays != null && verified && now.getTime() - verified.getTime() > maxDays * DAY_MS) stale.add(i.toolId);
  }
  const classified = (levels: string[]) => [...tools.values()].filter((t) => levels.includes(t.dataClassification)).length;
  return {
    now,
    evidence,
    auditChain: { intact: chain.intact === true, problems: chain.problem ? [String(chain.problem)] : [] },
    latestCheckpointAt: checkpoint?.createdAt ?? null,
    toolsInUse: tools.size,
    environmentsWithoutPolicy: new Set(inUse.map((i) => i.environment).filter((e) => !policyOf.get(e))).size,
    toolsInUseUnverified: [...tools.values()].filter((t) => t.verificationState !== 'PASSED').length,
    toolsInUseStale: stale.size,
    unapprovedInstallations,
    overdueSevereAlerts,
    selfApprovals: Number(selfApprovals?.n ?? 0),
    activeAdmins,
    overdueExceptions,
    confidentialDataToolsInUse: classified(['CONFIDENTIAL', 'RESTRICTED']),
    personalDataFlows: classified(['RESTRICTED']) > 0 || personalMaps > 0,
  };
}
