import 'server-only';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';

export interface InventoryFilterOptions {
  registries: { id: string; name: string }[];
  publishers: { id: string; name: string; registryName: string }[];
}

/** Choices for the registry and publisher filters (publishers that have tools, capped for the select). */
export async function listInventoryFilterOptions(
  { actor }: OperationCall<Record<string, never>>,
  ctx?: OperationContextInput,
): Promise<InventoryFilterOptions> {
  const { db: prisma } = await operationContext(ctx);
  assertActorCan(actor, 'inventory:read');
  const [registries, publishers] = await Promise.all([
    prisma.registry.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    prisma.publisher.findMany({
      where: { tools: { some: {} } },
      select: { id: true, name: true, registry: { select: { name: true } } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: 500,
    }),
  ]);
  return { registries, publishers: publishers.map((p) => ({ id: p.id, name: p.name, registryName: p.registry.name })) };
}
