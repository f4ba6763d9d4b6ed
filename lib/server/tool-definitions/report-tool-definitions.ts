import 'server-only';
import type { Prisma } from '@prisma/client';
import { canonicalToolDefinitions, toolDefinitionsHash } from '@/lib/domain/tool-definitions/hash';
import { scanToolDefinitions, worstSeverity } from '@/lib/domain/tool-definitions/scan';
import { toWirePermissions } from '@/lib/domain/tool-definitions/wire-permissions';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError, forbidden } from '@/lib/server/errors';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZReportToolDefinitions, type TReportToolDefinitionsResponse } from '@/lib/validation/tool-definitions';
import { otherToolNamesOfAgent } from './other-tool-names';
import { raiseDefinitionAlerts } from './raise-definition-alerts';
import { resolveVersion } from './resolve-version';

/** Gateways report with an API key holding the ingest scope (or the system, in jobs and tests). */
function assertMayReport(actor: Actor): void {
  if (actor.type === 'SYSTEM') return;
  if (actor.type !== 'API_KEY' || !actor.scopes.includes('INGEST'))
    throw forbidden('Only an API key with the ingest scope reports tool definitions');
}

/**
 * A gateway saw a server's tool definitions: hash them, compare with the version's pinned hash
 * (the registry's, or else the first report's, which pins them), scan them for poisoning, keep the
 * report (append-only), and raise a critical alert for a change or a critical finding. The answer
 * tells the gateway whether to let calls through.
 */
export async function reportToolDefinitions(
  { actor, input }: OperationCall<unknown>,
  ctx: OperationContextInput & { keyAgentName?: string | null } = {},
): Promise<TReportToolDefinitionsResponse> {
  const { db, now } = await operationContext(ctx);
  assertMayReport(actor);
  const a = parseInput(ZReportToolDefinitions, input);
  if (ctx.keyAgentName && ctx.keyAgentName !== a.agent)
    throw forbidden(`This API key may only speak for agent ${ctx.keyAgentName}`);
  return db.$transaction(async (tx) => {
    const agent = await tx.agent.findUnique({ where: { name: a.agent }, select: { id: true, name: true } });
    if (!agent) throw new AppError(404, 'unknown_agent', `Agent ${a.agent} is not registered`);
    const { tool, version } = await resolveVersion(tx, a);
    // Reports of one version take turns, so two gateways starting at once agree on the first pin.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`definitions:${version.id}`}))`;
    const hash = toolDefinitionsHash(a.definitions);
    const pinnedHash = version.toolDefsHash ?? (await firstReportedHash(tx, version.id));
    const verdict = pinnedHash === null ? 'FIRST_SEEN' : pinnedHash === hash ? 'MATCH' : 'CHANGED';
    const findings = scanToolDefinitions(a.definitions, { otherToolNames: await otherToolNamesOfAgent(tx, agent.id, tool.id) });
    const worst = worstSeverity(findings);
    const report = await tx.toolDefinitionReport.create({
      data: {
        toolVersionId: version.id,
        agentId: agent.id,
        apiKeyId: actor.type === 'API_KEY' ? actor.id : null,
        source: 'GATEWAY',
        hash,
        definitions: canonicalToolDefinitions(a.definitions) as unknown as Prisma.InputJsonValue,
        pinnedHash,
        verdict,
        findings: findings as unknown as Prisma.InputJsonValue,
        worstSeverity: worst,
        reportedAt: now,
      },
    });
    const subject = {
      agentName: agent.name,
      toolId: tool.id,
      toolName: tool.name,
      toolVersionId: version.id,
      version: version.version,
    };
    await raiseDefinitionAlerts(tx, { ...subject, reportId: report.id, hash, pinnedHash, verdict, findings, now });
    await recordAuditEvent(tx, actor, {
      action: 'toolDefinitions.reported',
      entityType: 'ToolVersion',
      entityId: version.id,
      after: {
        reportId: report.id,
        agent: agent.name,
        hash,
        pinnedHash,
        verdict,
        findings: findings.length,
        worstSeverity: worst,
      },
    });
    return {
      reportId: report.id,
      hash,
      pinnedHash,
      verdict,
      accepted: verdict !== 'CHANGED' && worst !== 'CRITICAL',
      findings,
      declaredPermissions: toWirePermissions(version),
    };
  });
}

async function firstReportedHash(tx: Prisma.TransactionClient, toolVersionId: string): Promise<string | null> {
  const first = await tx.toolDefinitionReport.findFirst({
    where: { toolVersionId, verdict: 'FIRST_SEEN' },
    orderBy: { reportedAt: 'asc' },
    select: { hash: true },
  });
  return first?.hash ?? null;
}
