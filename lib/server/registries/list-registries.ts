import 'server-only';
import { notFound } from '@/lib/server/errors';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { ZRecordId } from '@/lib/validation/inventory';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';

/** Every registry with its last run and how many tools it brought in. */
export async function listRegistries({ actor }: OperationCall<Record<string, never>>, ctx?: OperationContextInput) {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'registry:read');
  const [registries, counts] = await Promise.all([
    db.registry.findMany({
      orderBy: { name: 'asc' },
      omit: { apiKeySealed: true },
      include: { syncRuns: { orderBy: { startedAt: 'desc' }, take: 1 } },
    }),
    db.tool.groupBy({ by: ['registryId'], _count: true }),
  ]);
  const toolCount = new Map(counts.map((c) => [c.registryId, c._count]));
  return registries.map(({ syncRuns, ...r }) => ({ ...r, lastRun: syncRuns[0] ?? null, toolCount: toolCount.get(r.id) ?? 0 }));
}

/** One registry for its edit page (registry:manage: the config is what an admin edits). */
export async function getRegistry({ actor, input }: OperationCall<{ id: string }>, ctx?: OperationContextInput) {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'registry:manage');
  const id = ZRecordId.safeParse(input.id);
  const registry = id.success ? await db.registry.findUnique({ where: { id: id.data }, omit: { apiKeySealed: true } }) : null;
  if (!registry) throw notFound('Registry');
  return registry;
}
