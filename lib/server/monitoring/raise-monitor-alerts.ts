import type { Prisma } from '@prisma/client';
import type { MonitorAlertDraft } from '@/lib/domain/monitoring/monitor-alert-drafts';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvents } from '@/lib/server/audit/record-audit-event';

/**
 * Creates the drafts not raised before (dedupe key), each with its evidence events and its
 * audit record, in the caller's transaction. A condition already alerted stays one alert.
 */
export async function raiseMonitorAlerts(
  tx: Prisma.TransactionClient,
  actor: Actor,
  drafts: readonly MonitorAlertDraft[],
  now: Date,
): Promise<number> {
  if (drafts.length === 0) return 0;
  const unique = [...new Map(drafts.map((d) => [d.dedupeKey, d])).values()];
  const existing = new Set(
    (await tx.alert.findMany({ where: { dedupeKey: { in: unique.map((d) => d.dedupeKey) } }, select: { dedupeKey: true } })).map(
      (a) => a.dedupeKey,
    ),
  );
  const created = [];
  for (const { evidence, detail, ...d } of unique.filter((x) => !existing.has(x.dedupeKey))) {
    const alert = await tx.alert.create({
      data: { ...d, detail: detail as Prisma.InputJsonValue, createdAt: now },
      select: { id: true, kind: true, severity: true, title: true },
    });
    if (evidence.length)
      await tx.alertEvidenceEvent.createMany({ data: evidence.map((seq) => ({ alertId: alert.id, seq: BigInt(seq) })) });
    created.push(alert);
  }
  await recordAuditEvents(
    tx,
    actor,
    created.map((a) => ({ action: 'alert.raised', entityType: 'Alert', entityId: a.id, after: a })),
  );
  return created.length;
}
