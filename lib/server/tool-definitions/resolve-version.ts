import 'server-only';
import type { Prisma } from '@prisma/client';
import { AppError, notFound } from '@/lib/server/errors';

/**
 * A version named as agents name it: tool name or registry identifier, optionally the registry.
 * Two registries holding the name is a 409 asking for the registry, never a guess.
 */
export async function resolveVersion(db: Prisma.TransactionClient, q: { tool: string; version: string; registry?: string }) {
  const registry = q.registry ? { registry: { name: q.registry } } : {};
  const tools = await db.tool.findMany({
    where: {
      OR: [
        { name: q.tool, ...registry },
        { externalId: q.tool, ...registry },
      ],
    },
    select: { id: true, name: true },
    take: 3,
  });
  if (tools.length === 0) throw new AppError(404, 'unknown_tool', `Tool ${q.tool} is not in the inventory`);
  if (tools.length > 1) throw new AppError(409, 'ambiguous_tool', `Tool ${q.tool} is in several registries: name the registry`);
  const tool = tools[0]!;
  const version = await db.toolVersion.findUnique({ where: { toolId_version: { toolId: tool.id, version: q.version } } });
  if (!version) throw notFound(`Version ${q.version} of ${tool.name}`);
  return { tool, version };
}
