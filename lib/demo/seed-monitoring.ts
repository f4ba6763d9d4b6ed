import type { PrismaClient } from '@prisma/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { findApiKeyBySecret } from '@/lib/server/api-keys/authenticate-api-key';
import { now as clockNow } from '@/lib/server/clock';
import { enforce } from '@/lib/server/enforcement/enforce';
import { ingestInvocationEvents } from '@/lib/server/invocations/ingest-invocation-events';
import { runInvocationMonitors } from '@/lib/server/monitoring/run-invocation-monitors';
import { DEMO_API_KEYS } from './demo-api-keys';

const HOUR = 3_600_000;

/** What the monitoring demo shows (the e2e spec looks for it). */
export const DEMO_MONITORING = {
  agent: 'support-agent-prod-01',
  /** Declares no filesystem access; two calls report filesystem write: a drift alert. */
  driftTool: 'Email Parser',
  /** Two days of a steady 2–3 calls an hour, then a burst of 40: an anomaly alert with its baseline. */
  burstTool: 'Sentiment Classifier',
} as const;

/**
 * Monitoring demo, through the real operations: the enforcement API decides the agent's two
 * tools, the events arrive through ingestion (steady history, a burst this hour, two calls using
 * more than the version declares), then the monitors run as the scheduler would.
 */
export async function seedMonitoring(prisma: PrismaClient): Promise<void> {
  const key = await findApiKeyBySecret(DEMO_API_KEYS.ENFORCE);
  if (!key) throw new Error('seed the demo API keys before the monitoring demo');
  const actor = {
    type: 'API_KEY' as const,
    id: key.id,
    label: `api-key:${key.prefix}`,
    scopes: key.scopes,
    agentId: key.agentId,
  };
  const installs = await prisma.installation.findMany({
    where: {
      agent: { name: DEMO_MONITORING.agent },
      tool: { name: { in: [DEMO_MONITORING.driftTool, DEMO_MONITORING.burstTool] } },
      state: 'ACTIVE',
    },
    select: { tool: { select: { name: true } }, toolVersion: { select: { version: true } } },
  });
  const versionOf = new Map(installs.map((i) => [i.tool.name, i.toolVersion.version]));
  const drift = versionOf.get(DEMO_MONITORING.driftTool);
  const burst = versionOf.get(DEMO_MONITORING.burstTool);
  if (!drift || !burst) throw new Error('the monitoring demo needs the support agent with its email and sentiment tools');
  for (const [tool, version] of [
    [DEMO_MONITORING.driftTool, drift],
    [DEMO_MONITORING.burstTool, burst],
  ] as const)
    await enforce({ agent: DEMO_MONITORING.agent, tool, version, action: 'invoke' }, { key, actor });

  const now = clockNow();
  const hourStart = Math.floor(now.getTime() / HOUR) * HOUR;
  const event = (id: string, tool: string, version: string, at: number, over: Record<string, unknown> = {}) =>
    JSON.stringify({
      event_id: id,
      timestamp: new Date(at).toISOString(),
      agent_id: DEMO_MONITORING.agent,
      tool_name: tool,
      tool_version: version,
      tool_trust_level: 'gold',
      execution_duration_ms: 180 + (at % 7) * 15,
      input_size_bytes: 1200 + (at % 5) * 100,
      output_size_bytes: 600 + (at % 3) * 80,
      permissions_used: ['network:none'],
      data_classification: 'internal',
      result_status: 'success',
      ...over,
    });
  const lines: string[] = [];
  for (let h = 47; h >= 1; h--)
    for (let k = 0; k < 2 + (h % 2); k++)
      lines.push(event(`demo-steady-${h}-${k}`, DEMO_MONITORING.burstTool, burst, hourStart - h * HOUR + (k + 1) * 7 * 60_000));
  // The burst: 40 calls in the last minutes (the current hour, or the end of the previous one).
  for (let k = 0; k < 40; k++)
    lines.push(event(`demo-burst-${k}`, DEMO_MONITORING.burstTool, burst, now.getTime() - 60_000 - k * 3_000));
  for (let k = 0; k < 2; k++)
    lines.push(
      event(`demo-drift-${k}`, DEMO_MONITORING.driftTool, drift, now.getTime() - 2 * HOUR + k * 60_000, {
        permissions_used: ['network:none', 'filesystem:write'],
      }),
    );
  await ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body: lines.join('\n'), single: false } }, { db: prisma, now });
  await runInvocationMonitors({ db: prisma, now });
}
