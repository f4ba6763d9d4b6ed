import 'server-only';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZSetEventRetentionInput, type TSetEventRetentionInput } from '@/lib/validation/event-retention';
import { readEventRetention } from './event-retention';

/** An admin sets how long one environment's invocation events are kept (audited with before and after). */
export async function setEventRetention(
  { actor, input }: OperationCall<TSetEventRetentionInput>,
  ctx?: OperationContextInput,
): Promise<{ environment: string; days: number; purgeDays: number }> {
  const { db } = await operationContext(ctx);
  const { environment, days } = authorize(actor, 'eventRetention:manage', ZSetEventRetentionInput, input);
  return db.$transaction(async (tx) => {
    const before = (await readEventRetention(tx)).perEnvironment[environment];
    await tx.eventRetentionSetting.upsert({
      where: { environment },
      create: { environment, days, updatedById: actor.type === 'USER' ? actor.id : null },
      update: { days, updatedById: actor.type === 'USER' ? actor.id : null },
    });
    const { purgeDays } = await readEventRetention(tx);
    await recordAuditEvent(tx, actor, {
      action: 'eventRetention.updated',
      entityType: 'EventRetentionSetting',
      entityId: environment,
      before: { days: before.days, fromSetting: before.fromSetting },
      after: { days, purgeDays },
    });
    return { environment, days, purgeDays };
  });
}
