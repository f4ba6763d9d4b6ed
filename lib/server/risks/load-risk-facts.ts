import 'server-only';
import type { Prisma } from '@prisma/client';
import type { RiskFacts, SignalSeverity } from '@/lib/domain/risk/suggest';
import { notFound } from '@/lib/server/errors';

const SEVERITIES = new Set<string>(['info', 'low', 'medium', 'high', 'critical']);

/** The registry's risk signals as stored (lib/registries/types.ts RiskSignal); anything else is skipped. */
function signalsOf(json: Prisma.JsonValue | null | undefined): RiskFacts['riskSignals'] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((s) =>
    s && typeof s === 'object' && !Array.isArray(s) && typeof s.label === 'string' && SEVERITIES.has(String(s.severity))
      ? [{ label: s.label, severity: s.severity as SignalSeverity }]
      : [],
  );
}

/**
 * What the suggestion is computed from, read inside the caller's transaction so the stored
 * suggestion matches the facts at the moment of the assessment. Callers check the actor.
 */
export async function loadRiskFacts(tx: Prisma.TransactionClient, toolId: string): Promise<RiskFacts> {
  const tool = await tx.tool.findUnique({
    where: { id: toolId },
    select: {
      tier: true,
      trustScore: true,
      network: true,
      filesystem: true,
      codeExecution: true,
      dataAccess: true,
      dataClassification: true,
      publisher: { select: { trustLevel: true } },
      latestVersion: { select: { allowedDomains: true, riskSignals: true } },
      alerts: { where: { state: { not: 'RESOLVED' } }, select: { title: true, severity: true }, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!tool) throw notFound('Tool');
  return {
    tier: tool.tier,
    trustScore: tool.trustScore,
    permissions: {
      network: tool.network,
      filesystem: tool.filesystem,
      codeExecution: tool.codeExecution,
      dataAccess: tool.dataAccess,
    },
    externalHosts: [...(tool.latestVersion?.allowedDomains ?? [])].sort(),
    dataClassification: tool.dataClassification,
    publisherTrust: tool.publisher.trustLevel,
    riskSignals: signalsOf(tool.latestVersion?.riskSignals),
    openAlerts: tool.alerts,
  };
}
