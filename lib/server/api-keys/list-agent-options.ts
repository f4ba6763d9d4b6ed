import 'server-only';
import { getPrisma } from '@/lib/db/client';

/** Agents a key can be bound to (names and environments only). */
export async function listAgentOptions() {
  const prisma = await getPrisma();
  return prisma.agent.findMany({ orderBy: { name: 'asc' }, take: 500, select: { id: true, name: true, environment: true } });
}
