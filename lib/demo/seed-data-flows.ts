import type { PrismaClient } from '@prisma/client';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { confirmDataFlow } from '@/lib/server/data-flows/confirm-data-flow';
import { deriveDataFlow } from '@/lib/server/data-flows/derive-data-flow';
import { saveDataFlow } from '@/lib/server/data-flows/save-data-flow';
import { contentOf } from '@/lib/server/data-flows/map-content';
import { loadDataFlowFacts } from '@/lib/server/data-flows/load-data-flow-facts';
import { DECLARATION_SELECT } from '@/lib/server/data-flows/declaration-select';
import { declarationOf, unsafeReopenDataFlowMaps } from '@/lib/server/data-flows/reopen-maps-on-version-change';
import { deriveDataFlow as deriveDraft } from '@/lib/domain/data-flows/derive';
import { mapReviewReasons } from '@/lib/domain/data-flows/review';

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
 * overview shows. One more map needs review: Carla mapped the version an agent runs, and the
 * tool's newest version declares more (seedMapNeedingReview).
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
  await seedMapNeedingReview(prisma, carla, now);
}

/**
 * A tool an agent runs at an older version whose newest version raises a permission or a host:
 * Carla maps the version the agent runs (confirmed, as her edit is), then ToolLedger checks the
 * newest version against her map exactly as the registry sync does when it stores a version
 * (unsafeReopenDataFlowMaps): the map is redrafted from the newest version and needs review,
 * with its reason, an alert and the SYSTEM audit record.
 */
async function seedMapNeedingReview(prisma: PrismaClient, carla: Actor, now: number): Promise<void> {
  const installs = await prisma.installation.findMany({
    where: { state: { not: 'REVOKED' }, tool: { dataFlowMaps: { none: {} } } },
    select: {
      toolVersion: { select: DECLARATION_SELECT },
      tool: { select: { id: true, name: true, latestVersion: { select: DECLARATION_SELECT } } },
    },
    orderBy: [{ tool: { name: 'asc' } }, { id: 'asc' }],
  });
  const pick = installs.find(
    (i) =>
      i.tool.latestVersion &&
      i.tool.latestVersion.id !== i.toolVersion.id &&
      mapReviewReasons({
        basis: declarationOf(i.toolVersion),
        candidate: declarationOf(i.tool.latestVersion),
        mappedHosts: [],
      }).length > 0,
  );
  if (!pick) return;
  const { tool, toolVersion } = pick;
  const { facts } = await prisma.$transaction((tx) => loadDataFlowFacts(tx, tool.id, toolVersion.id));
  const draft = deriveDraft(facts);
  await saveDataFlow(
    {
      actor: carla,
      input: {
        toolId: tool.id,
        toolVersionId: toolVersion.id,
        inputs: draft.inputs,
        processing: draft.processing,
        destinations: draft.destinations,
        retention: draft.retention,
        note: `Mapped version ${toolVersion.version}, the one agents run`,
      },
    },
    { db: prisma, now: new Date(now - 9 * DAY) },
  );
  await prisma.$transaction((tx) =>
    unsafeReopenDataFlowMaps(
      tx,
      [
        {
          toolId: tool.id,
          candidates: [declarationOf(tool.latestVersion!)],
          latestVersionId: tool.latestVersion!.id,
          fallbackBasisVersionId: toolVersion.id,
        },
      ],
      new Date(now - 2 * DAY),
    ),
  );
}
