import 'server-only';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';

/** Agents a key can be bound to (names and environments only): only people who create keys need it. */
export async function listAgentOptions({ actor }: OperationCall<Record<string, never>>, ctx?: OperationContextInput) {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'apiKey:manage');
  return db.agent.findMany({ orderBy: { name: 'asc' }, take: 500, select: { id: true, name: true, environment: true } });
}
