import type { PrismaClient } from '@prisma/client';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { confirmDataFlow } from '@/lib/server/data-flows/confirm-data-flow';
import { deriveDataFlow } from '@/lib/server/data-flows/derive-data-flow';
import { saveDataFlow } from '@/lib/server/data-flows/save-data-flow';
import { contentOf } from '@/lib/server/data-flows/map-content';

const DAY = 86_400_000;

async function person(prisma: PrismaClient, email: string): Promise<Actor | null> {
  const u = await prisma.user.findUnique({ where: { email } });
  return u ? { type: 'USER', id: u.id, label: u.email, role: u.role } : null;
}

/**
 * Demo data flow maps through the real operations: ToolLedger derives a map for each tool
 * agents use (so the subprocessor register fills from the allowed hosts); Sam (security
 * reviewer) confirms two as derived; Carla (compliance officer) corrects one (the retention
 * period, a field the tool does not need) and so confirms it; the rest wait for a person, as the
 * overview shows.
 */
export async function seedDataFlows(prisma: PrismaClient): Promise<void> {
  if ((await prisma.dataFlowMap.count()) > 0) return;
  const carla = await person(prisma, 'compliance@toolledger.local');
  const sam = await person(prisma, 'security@toolledger.local');
  if (!carla || !sam) return;
  const tools = await prisma.tool.findMany({
    where: { installations: { some: { state: { not: 'REVOKED' } } } },
    orderBy: { name: 'asc' },
    select: { id: true, latestVersionId: true },
    take: 10,
  });
  const now = Date.now();
  for (const [n, tool] of tools.entries()) {
    const derived = await deriveDataFlow(
      { actor: SYSTEM_ACTOR, input: { toolId: tool.id } },
      { db: prisma, now: new Date(now - 12 * DAY) },
    );
    if (n < 2) {
      await confirmDataFlow(
        { actor: sam, input: { toolId: tool.id, mapId: derived.id } },
        { db: prisma, now: new Date(now - 6 * DAY) },
      );
    } else if (n === 2) {
      const content = contentOf(derived);
      await saveDataFlow(
        {
          actor: carla,
          input: {
            toolId: tool.id,
            toolVersionId: tool.latestVersionId ?? undefined,
            previousId: derived.id,
            inputs: [...content.inputs, { name: 'requesterEmail', classification: 'PERSONAL', needed: false }],
            processing: content.processing,
            destinations: [...content.destinations, { kind: 'LOGS', note: 'Request log of the tool, rotated daily' }],
            retention: 'Request log kept 30 days, then deleted',
            note: 'Added the request log and the requester email the agent sends along',
          },
        },
        { db: prisma, now: new Date(now - 3 * DAY) },
      );
    }
  }
}
