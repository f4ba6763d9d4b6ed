import 'server-only';
import { DAY_MS, EXPIRING_SOON_DAYS } from '@/lib/domain/exceptions/state-machine';
import { recordAuditEvents } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';

// Expired exceptions older than this are history, not news: they are not alerted any more.
const EXPIRED_LOOKBACK_DAYS = 30;

/**
 * The scheduled check: one alert per approved exception entering its last EXPIRING_SOON_DAYS,
 * one more when it expires. The dedupe key names the expiry, so an extension (a new exception)
 * is alerted again in its turn and a second tick raises nothing twice. Coverage itself never
 * waits for this: every reader compares expiresAt with now.
 */
export async function raiseExceptionExpiryAlerts(
  { actor }: OperationCall<Record<string, never>>,
  ctx?: OperationContextInput,
): Promise<number> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'alert:manage');
  const soon = new Date(now.getTime() + EXPIRING_SOON_DAYS * DAY_MS);
  const since = new Date(now.getTime() - EXPIRED_LOOKBACK_DAYS * DAY_MS);
  return db.$transaction(async (tx) => {
    const due = await tx.policyException.findMany({
      where: { status: 'APPROVED', expiresAt: { gt: since, lte: soon } },
      select: {
        id: true,
        toolId: true,
        toolVersionId: true,
        environment: true,
        expiresAt: true,
        tool: { select: { name: true } },
      },
    });
    const alerts = due.map((e) => {
      const expired = e.expiresAt.getTime() <= now.getTime();
      const kind = expired ? 'exception-expired' : 'exception-expiring';
      const day = e.expiresAt.toISOString().slice(0, 10);
      return {
        kind,
        severity: expired ? ('HIGH' as const) : ('MEDIUM' as const),
        title: expired
          ? `Exception for ${e.tool.name} in ${e.environment.toLowerCase()} expired on ${day}`
          : `Exception for ${e.tool.name} in ${e.environment.toLowerCase()} expires on ${day}`,
        detail: { exceptionId: e.id, environment: e.environment, expiresAt: e.expiresAt.toISOString() },
        toolId: e.toolId,
        toolVersionId: e.toolVersionId,
        dedupeKey: `${kind}:${e.id}:${day}`,
        createdAt: now,
      };
    });
    if (alerts.length === 0) return 0;
    const existing = new Set(
      (
        await tx.alert.findMany({ where: { dedupeKey: { in: alerts.map((a) => a.dedupeKey) } }, select: { dedupeKey: true } })
      ).map((a) => a.dedupeKey),
    );
    const fresh = alerts.filter((a) => !existing.has(a.dedupeKey));
    if (fresh.length === 0) return 0;
    await tx.alert.createMany({ data: fresh, skipDuplicates: true });
    await recordAuditEvents(
      tx,
      actor,
      fresh.map((a) => ({
        action: 'exception.expiryAlerted' as const,
        entityType: 'PolicyException' as const,
        entityId: a.detail.exceptionId,
        after: { kind: a.kind, expiresAt: a.detail.expiresAt },
      })),
    );
    return fresh.length;
  });
}
