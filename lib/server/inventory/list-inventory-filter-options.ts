import 'server-only';
import { getPrisma } from '@/lib/db/client';

export interface InventoryFilterOptions {
  registries: { id: string; name: string }[];
  publishers: { id: string; name: string; registryName: string }[];
}

/** Choices for the registry and publisher filters (publishers that have tools, capped for the select). */
export async function listInventoryFilterOptions(): Promise<InventoryFilterOptions> {
  const prisma = await getPrisma();
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
