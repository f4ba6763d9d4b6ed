import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { notFound } from '@/lib/server/errors';

/** Every registry with its last run and how many tools it brought in. */
export async function listRegistries() {
  const prisma = await getPrisma();
  const [registries, counts] = await Promise.all([
    prisma.registry.findMany({ orderBy: { name: 'asc' }, omit: { apiKeySealed: true }, include: { syncRuns: { orderBy: { startedAt: 'desc' }, take: 1 } } }),
    prisma.tool.groupBy({ by: ['registryId'], _count: true }),
  ]);
  const toolCount = new Map(counts.map((c) => [c.registryId, c._count]));
  return registries.map(({ syncRuns, ...r }) => ({ ...r, lastRun: syncRuns[0] ?? null, toolCount: toolCount.get(r.id) ?? 0 }));
}

export async function getRegistry(id: string) {
  const prisma = await getPrisma();
  const registry = await prisma.registry.findUnique({ where: { id }, omit: { apiKeySealed: true } });
  if (!registry) throw notFound('Registry');
  return registry;
}
