import type { PrismaClient } from '@prisma/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { findApiKeyBySecret } from '@/lib/server/api-keys/authenticate-api-key';
import { now as clockNow } from '@/lib/server/clock';
import { enforce } from '@/lib/server/enforcement/enforce';
import { ingestInvocationEvents } from '@/lib/server/invocations/ingest-invocation-events';
import { DEMO_API_KEYS } from './demo-api-keys';

const HOUR = 3_600_000;
const AGENTS = 6;
const EVENTS_PER_INSTALL = 24;

/** A small deterministic generator: the demo stream is the same on every first start. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const wire = (level: string) => level.toLowerCase().replace('_', '-');

/**
 * Demo invocation events, through the real operations: the enforcement API decides each active
 * installation of the first agents (as their gateway would before calling), then two days of
 * calls arrive through the ingest operation, so events link to real decisions. One installation
 * is never decided (an unapproved-use alert) and one agent calls a tool the inventory does not
 * know (an unknown-subject alert).
 */
export async function seedInvocations(prisma: PrismaClient): Promise<void> {
  const key = await findApiKeyBySecret(DEMO_API_KEYS.ENFORCE);
  if (!key) throw new Error('seed the demo API keys before the invocation events');
  const actor = {
    type: 'API_KEY' as const,
    id: key.id,
    label: `api-key:${key.prefix}`,
    scopes: key.scopes,
    agentId: key.agentId,
  };
  const agents = await prisma.agent.findMany({ orderBy: { name: 'asc' }, take: AGENTS, select: { id: true, name: true } });
  const installs = await prisma.installation.findMany({
    where: { agentId: { in: agents.map((a) => a.id) }, state: 'ACTIVE' },
    orderBy: [{ agentId: 'asc' }, { toolId: 'asc' }],
    select: {
      agent: { select: { name: true } },
      tool: { select: { name: true, dataClassification: true } },
      toolVersion: { select: { version: true, network: true, filesystem: true, codeExecution: true, dataAccess: true } },
    },
  });
  const undecided = installs.at(-1);
  for (const i of installs) {
    if (i === undecided) continue;
    await enforce({ agent: i.agent.name, tool: i.tool.name, version: i.toolVersion.version, action: 'invoke' }, { key, actor });
  }
  const now = clockNow();
  const next = random(11);
  const lines: string[] = [];
  installs.forEach((i, n) => {
    const v = i.toolVersion;
    for (let k = 0; k < EVENTS_PER_INSTALL; k++) {
      const roll = next();
      lines.push(
        JSON.stringify({
          event_id: `demo-${n}-${k}`,
          timestamp: new Date(now.getTime() - Math.floor(next() * 48 * HOUR)).toISOString(),
          agent_id: i.agent.name,
          tool_name: i.tool.name,
          tool_version: v.version,
          execution_duration_ms: Math.round(80 + next() * 400 + (roll > 0.97 ? 4000 : 0)),
          input_size_bytes: Math.round(200 + next() * 4000),
          output_size_bytes: Math.round(100 + next() * 8000),
          permissions_used: [`network:${wire(v.network)}`, `filesystem:${wire(v.filesystem)}`],
          data_classification: i.tool.dataClassification.toLowerCase(),
          result_status: roll > 0.97 ? 'timeout' : roll > 0.92 ? 'error' : 'success',
        }),
      );
    }
  });
  const shadow = agents[0]?.name;
  if (shadow)
    for (let k = 0; k < 3; k++)
      lines.push(
        JSON.stringify({
          event_id: `demo-shadow-${k}`,
          timestamp: new Date(now.getTime() - (k + 1) * 5 * HOUR).toISOString(),
          agent_id: shadow,
          tool_name: 'shadow-scraper',
          tool_version: '0.3.0',
          execution_duration_ms: 950,
          permissions_used: ['network:external', 'filesystem:write'],
          data_classification: 'confidential',
          result_status: 'success',
        }),
      );
  await ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body: lines.join('\n'), single: false } }, { db: prisma, now });
}
