import 'server-only';
import { toWirePermissions } from '@/lib/domain/tool-definitions/wire-permissions';
import type { Actor } from '@/lib/server/actor';
import { forbidden } from '@/lib/server/errors';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZVerificationQuery, type TVerificationStatus } from '@/lib/validation/tool-definitions';
import { resolveVersion } from './resolve-version';

function assertMayRead(actor: Actor): void {
  if (actor.type === 'SYSTEM') return;
  if (actor.type === 'API_KEY' && actor.scopes.includes('READ')) return;
  throw forbidden('Only an API key with the read scope reads verification status');
}

/** What ToolLedger holds about one version's verification, for agents and gateways (`GET /api/v1/verifications`). */
export async function getVerificationStatus(
  { actor, input }: OperationCall<unknown>,
  ctx?: OperationContextInput,
): Promise<TVerificationStatus> {
  const { db } = await operationContext(ctx);
  assertMayRead(actor);
  const q = parseInput(ZVerificationQuery, input);
  const { tool, version } = await resolveVersion(db, q);
  const [registry, report] = await Promise.all([
    db.tool.findUniqueOrThrow({ where: { id: tool.id }, select: { registry: { select: { name: true } } } }),
    db.toolDefinitionReport.findFirst({
      where: { toolVersionId: version.id },
      orderBy: { reportedAt: 'desc' },
      select: { reportedAt: true, verdict: true, worstSeverity: true, hash: true },
    }),
  ]);
  return {
    tool: tool.name,
    registry: registry.registry.name,
    version: version.version,
    tier: version.tier,
    trustScore: version.trustScore,
    verificationState: version.verificationState,
    lastVerifiedAt: version.lastVerifiedAt?.toISOString() ?? null,
    toolDefsHash: version.toolDefsHash,
    quarantined: Boolean(version.quarantineStatus),
    declaredPermissions: toWirePermissions(version),
    latestDefinitionReport: report ? { ...report, reportedAt: report.reportedAt.toISOString() } : null,
  };
}
