// Test-only: a small world for invocation event tests (an agent with an allowed, a denied and an
// undecided tool, keys for each scope and one bound to another agent) and event lines in the
// seed format of shared/ARCHITECTURE.md §5.
import type { PrismaClient } from '@prisma/client';
import { createApiKey } from '@/lib/server/api-keys/create-api-key';
import { createAgent, createPublisher, createRegistry, createTool } from './factories';

export interface InvocationWorld {
  agent: string;
  otherAgent: string;
  tools: { allowed: string; denied: string; undecided: string };
  keys: { ingest: string; read: string; enforce: string; boundToOther: string };
}

export async function buildInvocationWorld(prisma: PrismaClient): Promise<InvocationWorld> {
  const admin = await prisma.user.create({ data: { email: 'admin@events.test', name: 'Admin', role: 'ADMIN' } });
  const actor = { type: 'USER' as const, id: admin.id, label: admin.email, role: admin.role };
  const registry = await createRegistry(prisma);
  const publisher = await createPublisher(prisma, { registryId: registry.id });
  const agent = await createAgent(prisma, { name: 'support-agent-prod-01' });
  const other = await createAgent(prisma, { name: 'billing-agent-prod-01' });
  const tools = {} as InvocationWorld['tools'];
  for (const [slot, name, outcome] of [
    ['allowed', 'email-parser', 'ALLOW'],
    ['denied', 'shell-runner', 'DENY'],
    ['undecided', 'web-fetcher', null],
  ] as const) {
    const { tool, versions } = await createTool(prisma, {
      registryId: registry.id,
      publisherId: publisher.id,
      name,
      versions: [{ version: '2.1.0' }],
    });
    tools[slot] = name;
    if (outcome)
      await prisma.enforcementDecision.create({
        data: {
          createdAt: new Date(Date.now() - 60_000),
          agentName: agent.name,
          agentId: agent.id,
          toolName: name,
          toolId: tool.id,
          version: '2.1.0',
          toolVersionId: versions[0]!.id,
          action: 'INVOKE',
          outcome,
          reasons: [],
        },
      });
  }
  const mk = async (name: string, scopes: ('ENFORCE' | 'INGEST' | 'READ')[], agentId?: string) =>
    (await createApiKey({ actor, input: { name, scopes, agentId } }, { db: prisma })).secret;
  return {
    agent: agent.name,
    otherAgent: other.name,
    tools,
    keys: {
      ingest: await mk('ingest', ['INGEST']),
      read: await mk('read', ['READ']),
      enforce: await mk('enforce', ['ENFORCE']),
      boundToOther: await mk('bound', ['INGEST'], other.id),
    },
  };
}

/** One event line as an agent sends it; `over` replaces or (undefined) removes fields. */
export function eventLine(over: Record<string, unknown> = {}): string {
  const base: Record<string, unknown> = {
    timestamp: new Date(Date.now() - 60_000).toISOString(),
    agent_id: 'support-agent-prod-01',
    tool_name: 'email-parser',
    tool_version: '2.1.0',
    tool_trust_level: 'gold',
    tool_publisher: 'verified-publisher-id',
    input_schema_hash: `sha256:${'ab'.repeat(32)}`,
    output_schema_hash: `sha256:${'cd'.repeat(32)}`,
    execution_duration_ms: 342,
    permissions_used: ['network:none', 'filesystem:read'],
    data_classification: 'internal',
    result_status: 'success',
  };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return JSON.stringify(base);
}
