import 'server-only';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { alertWorkerWhere } from './alert-workers';

/** The people an alert can be assigned to, for the assignee select and the inbox's assignee filter. */
export async function listAlertWorkers({ actor }: OperationCall<Record<string, never>>, ctx?: OperationContextInput) {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'alert:read');
  return db.user.findMany({
    where: alertWorkerWhere(),
    select: { id: true, name: true, role: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}
