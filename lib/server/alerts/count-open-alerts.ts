import 'server-only';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';

/**
 * The one "open alerts" figure: alerts nobody has acknowledged yet. The sidebar, the overview
 * and the alert inbox's default view all show this number, so they never disagree (the
 * overview used to count acknowledged alerts too).
 */
export async function countOpenAlerts(
  { actor }: OperationCall<Record<string, never>>,
  ctx?: OperationContextInput,
): Promise<number> {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'alert:read');
  return db.alert.count({ where: { state: 'OPEN' } });
}
