import 'server-only';
import type { Prisma } from '@prisma/client';
import type { ScanFinding } from '@/lib/domain/tool-definitions/scan';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';

interface Subject {
  agentName: string | null;
  toolId: string;
  toolName: string;
  toolVersionId: string;
  version: string;
  reportId: string;
  hash: string;
  pinnedHash: string | null;
  verdict: 'MATCH' | 'FIRST_SEEN' | 'CHANGED';
  findings: readonly ScanFinding[];
  now: Date;
}

/**
 * One alert per condition and definitions hash: a changed definition (rug pull) and a poisoned
 * one are both critical. The same hash reported again by every gateway raises nothing new.
 */
export async function raiseDefinitionAlerts(tx: Prisma.TransactionClient, s: Subject): Promise<void> {
  const where = s.agentName ? ` (reported by ${s.agentName}'s gateway)` : ' (in the registry manifest)';
  if (s.verdict === 'CHANGED') {
    await raise(tx, s, {
      kind: 'definitions-changed',
      severity: 'CRITICAL',
      dedupeKey: `definitions-changed:${s.toolVersionId}:${s.hash}`,
      title: `${s.toolName}@${s.version}: tool definitions differ from the approved ones${where}`,
      detail: { reportId: s.reportId, agentName: s.agentName, hash: s.hash, pinnedHash: s.pinnedHash },
    });
  }
  const serious = s.findings.filter((f) => f.severity !== 'MEDIUM');
  if (serious.length > 0) {
    await raise(tx, s, {
      kind: 'definition-poisoning',
      severity: serious.some((f) => f.severity === 'CRITICAL') ? 'CRITICAL' : 'HIGH',
      dedupeKey: `definition-poisoning:${s.toolVersionId}:${s.hash}`,
      title: `${s.toolName}@${s.version}: tool definitions hold ${[...new Set(serious.map((f) => f.label.toLowerCase()))].join(', ')}${where}`,
      detail: {
        reportId: s.reportId,
        agentName: s.agentName,
        hash: s.hash,
        findings: serious.map((f) => ({ rule: f.rule, tool: f.tool, field: f.field, match: f.matches[0]?.text ?? '' })),
      },
    });
  }
}

async function raise(
  tx: Prisma.TransactionClient,
  s: Subject,
  a: { kind: string; severity: 'HIGH' | 'CRITICAL'; dedupeKey: string; title: string; detail: Prisma.InputJsonValue },
): Promise<void> {
  const existing = await tx.alert.findUnique({ where: { dedupeKey: a.dedupeKey }, select: { id: true } });
  if (existing) return;
  const alert = await tx.alert.create({
    data: { ...a, toolId: s.toolId, toolVersionId: s.toolVersionId, createdAt: s.now },
  });
  await recordAuditEvent(tx, SYSTEM_ACTOR, { action: 'alert.raised', entityType: 'Alert', entityId: alert.id, after: alert });
}
