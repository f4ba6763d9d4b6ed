import 'server-only';
import type { Environment, Prisma } from '@prisma/client';
import { env } from '@/lib/env';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ENVIRONMENTS } from '@/lib/validation/event-retention';

export interface EventRetention {
  /** Days kept per environment: its setting, or TOOLLEDGER_EVENTS_RETENTION_DAYS when none was saved. */
  perEnvironment: Record<Environment, { days: number; fromSetting: boolean; updatedAt: Date | null }>;
  /**
   * What the partition drop applies: the longest of them. Partitions hold every environment's
   * month, so a drop at a shorter window would take events another environment must still keep,
   * and deleting rows instead would cut holes in the one chain (ADR 0012).
   */
  purgeDays: number;
}

export async function readEventRetention(tx: Prisma.TransactionClient): Promise<EventRetention> {
  const rows = await tx.eventRetentionSetting.findMany();
  const fallback = env().TOOLLEDGER_EVENTS_RETENTION_DAYS;
  const perEnvironment = Object.fromEntries(
    ENVIRONMENTS.map((e) => {
      const row = rows.find((r) => r.environment === e);
      return [e, { days: row?.days ?? fallback, fromSetting: !!row, updatedAt: row?.updatedAt ?? null }];
    }),
  ) as EventRetention['perEnvironment'];
  return { perEnvironment, purgeDays: Math.max(...Object.values(perEnvironment).map((r) => r.days)) };
}

/** The retention settings page and API: every role may read them (auditors included). */
export async function getEventRetention(
  { actor }: OperationCall<Record<string, never>>,
  ctx?: OperationContextInput,
): Promise<EventRetention> {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'eventRetention:read');
  return readEventRetention(db);
}
