import 'server-only';
import { z } from 'zod';
import { BASELINE_WINDOW_HOURS } from '@/lib/domain/monitoring/anomaly';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { assertInsideAudits } from '@/lib/server/engagements/auditor-scope';
import { notFound } from '@/lib/server/errors';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { toolHours } from '@/lib/server/monitoring/hourly-stats';
import { userNames } from '@/lib/server/exceptions/list-policy-exceptions';
import { ZRecordId } from '@/lib/validation/inventory';

export const ZGetAlertInput = z.object({ id: ZRecordId });
export type TGetAlertInput = z.input<typeof ZGetAlertInput>;

const HOUR = 3_600_000;

/**
 * One alert with what explains it on screen: the events that show it, the version's declared
 * permissions (drift, untrusted use), and for an anomaly the tool's hours over the baseline window;
 * who works it and the notes on its thread, oldest first.
 */
export async function getAlert({ actor, input }: OperationCall<TGetAlertInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'alert:read');
  const { id } = parseInput(ZGetAlertInput, input);
  const alert = await db.alert.findUnique({ where: { id }, include: { tool: { select: { id: true, name: true } } } });
  if (!alert) throw notFound('Alert');
  // An auditor opens the alerts the inbox shows them: raised during one of their open audits'
  // periods (alerts name no environment; ADR 0010). Outside: 403 and logged.
  await assertInsideAudits(db, actor, now, { entityType: 'Alert', entityId: alert.id }, (windows) =>
    windows.some((w) => alert.createdAt >= w.from && alert.createdAt < w.to),
  );
  const evidence = await db.alertEvidenceEvent.findMany({
    where: { alertId: id },
    select: { seq: true },
    orderBy: { seq: 'asc' },
  });
  const [events, version, hours, notes] = await Promise.all([
    evidence.length
      ? db.invocationEvent.findMany({
          where: { seq: { in: evidence.map((e) => e.seq) } },
          orderBy: { seq: 'asc' },
          select: {
            seq: true,
            occurredAt: true,
            agentName: true,
            toolName: true,
            toolVersion: true,
            permissionsUsed: true,
            resultStatus: true,
            durationMs: true,
          },
        })
      : [],
    alert.toolVersionId
      ? db.toolVersion.findUnique({
          where: { id: alert.toolVersionId },
          select: {
            id: true,
            version: true,
            network: true,
            filesystem: true,
            codeExecution: true,
            dataAccess: true,
            tier: true,
            lastVerifiedAt: true,
          },
        })
      : null,
    alert.kind === 'invocation-anomaly' ? anomalyHours(db, alert.toolId, alert.detail) : [],
    db.alertNote.findMany({ where: { alertId: id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  ]);
  const names = await userNames(db, [alert.assigneeId, ...notes.map((n) => n.authorId)]);
  const assignee = alert.assigneeId ? { id: alert.assigneeId, name: names.get(alert.assigneeId) ?? alert.assigneeId } : null;
  const thread = notes.map((n) => ({ ...n, authorName: names.get(n.authorId) ?? n.authorId }));
  return { alert, events, version, hours, assignee, notes: thread };
}

async function anomalyHours(db: Parameters<typeof toolHours>[0], toolId: string | null, detail: unknown) {
  const d = detail as { hour?: string; tool?: string; environment?: string };
  if (!d.hour || !d.environment) return [];
  const hour = new Date(d.hour);
  const rows = await toolHours(db, [toolId ?? d.tool ?? ''], new Date(hour.getTime() - BASELINE_WINDOW_HOURS * HOUR), hour);
  return rows.filter((r) => r.environment === d.environment);
}
