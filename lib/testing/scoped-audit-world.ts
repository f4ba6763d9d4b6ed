// Test-only: a world for the auditor's narrowed reads (ADR 0010). One audit, open now to one
// auditor, over a past period of PRODUCTION only; another auditor with no open audit; an officer.
// Three tools, each version declaring external network and filesystem write, installed (with
// their times) so that only one is in the auditor's inventory:
//   shared      on a production and a staging agent, since before the period
//   stagingOnly on the staging agent only, since before the period
//   late        on the production agent, only after the period ended
// Calls are reported through the real ingestion and rolled up by the real monitors.
import type { PrismaClient } from '@prisma/client';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { createEngagement } from '@/lib/server/engagements/create-engagement';
import { ingestInvocationEvents } from '@/lib/server/invocations/ingest-invocation-events';
import { runInvocationMonitors } from '@/lib/server/monitoring/run-invocation-monitors';
import { createAgent, createInstallation, createPublisher, createRegistry, createTool } from './factories';
import { eventLine } from './invocation-world';

type Person = Actor & { type: 'USER' };
type Slot = 'shared' | 'stagingOnly' | 'late';

export interface ScopedAuditWorld {
  db: PrismaClient;
  now: Date;
  people: { officer: Person; auditor: Person; idle: Person };
  engagementId: string;
  /** The audit's period [from, to). */
  period: { from: Date; to: Date };
  agents: Record<'prod' | 'staging', { id: string; name: string }>;
  tools: Record<Slot, { id: string; name: string; versionId: string }>;
  daysAgo: (n: number) => Date;
  /** Reports one call per line (agent, tool, when, permissions used) and rolls the hours up. */
  report: (calls: { agent: 'prod' | 'staging'; tool: Slot; at: Date; permissions: string[]; id: string }[]) => Promise<void>;
}

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

export async function buildScopedAuditWorld(db: PrismaClient, now = new Date()): Promise<ScopedAuditWorld> {
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
  const person = async (key: string, role: Person['role']): Promise<Person> => {
    const u = await db.user.create({ data: { email: `${key}@scoped-audit.test`, name: key, role } });
    return { type: 'USER', id: u.id, label: u.email, role };
  };
  const people = {
    officer: await person('officer', 'COMPLIANCE_OFFICER'),
    auditor: await person('auditor', 'AUDITOR'),
    idle: await person('idle-auditor', 'AUDITOR'),
  };
  const registry = await createRegistry(db);
  const publisher = await createPublisher(db, { registryId: registry.id, trustLevel: 'VERIFIED' });
  const prod = await createAgent(db, { environment: 'PRODUCTION' });
  const staging = await createAgent(db, { environment: 'STAGING' });
  const install = async (agentId: string, toolVersionId: string, at: Date) => {
    const i = await createInstallation(db, { agentId, toolVersionId });
    await db.installation.update({ where: { id: i.id }, data: { createdAt: at, approvedAt: at, activatedAt: at } });
  };
  const tools = {} as ScopedAuditWorld['tools'];
  for (const slot of ['shared', 'stagingOnly', 'late'] as const) {
    const { tool, versions } = await createTool(db, {
      registryId: registry.id,
      publisherId: publisher.id,
      name: `scoped-${slot.toLowerCase()}`,
      versions: [
        { version: '1.0.0', permissions: { network: 'EXTERNAL', filesystem: 'WRITE' }, allowedDomains: [`${slot}.example.com`] },
      ],
    });
    tools[slot] = { id: tool.id, name: tool.name, versionId: versions[0]!.id };
  }
  await install(prod.id, tools.shared.versionId, daysAgo(40));
  await install(staging.id, tools.shared.versionId, daysAgo(40));
  await install(staging.id, tools.stagingOnly.versionId, daysAgo(40));
  await install(prod.id, tools.late.versionId, daysAgo(1));
  // Period: from 30 days ago to the end of the day 3 days ago (createEngagement ends it the next midnight).
  const engagement = await createEngagement(
    {
      actor: people.officer,
      input: {
        name: 'Last month, production',
        firm: 'Example LLP',
        periodFrom: day(daysAgo(30)),
        periodTo: day(daysAgo(3)),
        environments: ['PRODUCTION'],
        criteria: ['CC6.1', 'CC8.1'],
        accessOpens: day(daysAgo(1)),
        accessCloses: day(daysAgo(-30)),
        auditorIds: [people.auditor.id],
      },
    },
    { db, now },
  );
  const agents = { prod: { id: prod.id, name: prod.name }, staging: { id: staging.id, name: staging.name } };
  const report: ScopedAuditWorld['report'] = async (calls) => {
    for (const c of calls) {
      const line = eventLine({
        event_id: c.id,
        agent_id: agents[c.agent].name,
        tool_name: tools[c.tool].name,
        tool_version: '1.0.0',
        timestamp: c.at.toISOString(),
        permissions_used: c.permissions,
      });
      // Received a second after the call, as an agent reports it (the partition of its month exists then).
      await ingestInvocationEvents(
        { actor: SYSTEM_ACTOR, input: { body: line, single: false } },
        { db, now: new Date(c.at.getTime() + 1000) },
      );
    }
    await runInvocationMonitors({ db, now });
  };
  return {
    db,
    now,
    people,
    engagementId: engagement.id,
    period: { from: engagement.periodStart, to: engagement.periodEnd },
    agents,
    tools,
    daysAgo,
    report,
  };
}
