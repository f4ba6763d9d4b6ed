import 'server-only';
import type { AlertSeverity, Incident, Prisma, ToolQuarantine } from '@prisma/client';
import { incidentRef } from '@/lib/domain/incidents/labels';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvents } from '@/lib/server/audit/record-audit-event';
import { badRequest } from '@/lib/server/errors';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { actorId, appendIncidentEvent } from './append-incident-event';

// Installations in these states are an agent that has (or is about to have) the tool.
const AFFECTED_STATES = ['REQUESTED', 'APPROVED', 'ACTIVE'] as const;

/**
 * Quarantines a tool, or some of its versions, under an incident, inside the caller's
 * transaction: the row (which bumps the enforcement generation at commit, so every cache and
 * gateway drops its allows), the incident's links to the tool and versions, one alert per
 * affected agent naming the agent's owner, and the timeline and audit records of all of it.
 */
export async function placeQuarantine(
  tx: Prisma.TransactionClient,
  actor: Actor,
  p: {
    incident: Pick<Incident, 'id' | 'number' | 'severity'>;
    toolId: string;
    toolVersionIds: string[];
    reason: string;
    now: Date;
  },
): Promise<ToolQuarantine> {
  assertActorCan(actor, 'incident:respond');
  const tool = await tx.tool.findUnique({ where: { id: p.toolId }, select: { id: true, name: true } });
  if (!tool) throw badRequest('toolId: Unknown tool', [{ path: 'toolId', message: 'Unknown tool' }]);
  const versions = await tx.toolVersion.findMany({
    where: { id: { in: p.toolVersionIds }, toolId: tool.id },
    select: { id: true, version: true },
    orderBy: { version: 'asc' },
  });
  if (versions.length !== p.toolVersionIds.length)
    throw badRequest('toolVersionIds: A chosen version is not a version of this tool', [
      { path: 'toolVersionIds', message: 'A chosen version is not a version of this tool' },
    ]);
  const quarantine = await tx.toolQuarantine.create({
    data: {
      toolId: tool.id,
      incidentId: p.incident.id,
      reason: p.reason,
      quarantinedById: actorId(actor),
      quarantinedAt: p.now,
      createdAt: p.now,
      versions: { create: versions.map((v) => ({ toolVersionId: v.id })) },
    },
  });
  const scope = versions.length ? `${tool.name} ${versions.map((v) => v.version).join(', ')}` : `${tool.name} (every version)`;
  const ref = incidentRef(p.incident.number);
  await linkOnce(tx, actor, p.incident.id, { kind: 'TOOL', toolId: tool.id }, p.now);
  for (const v of versions) await linkOnce(tx, actor, p.incident.id, { kind: 'VERSION', toolVersionId: v.id }, p.now);
  await appendIncidentEvent(
    tx,
    actor,
    {
      incidentId: p.incident.id,
      kind: 'quarantined',
      message: `Quarantined ${scope}: ${p.reason}`,
      detail: { quarantineId: quarantine.id, toolId: tool.id, toolVersionIds: versions.map((v) => v.id) },
      at: p.now,
    },
    {
      action: 'toolQuarantine.placed',
      entityType: 'ToolQuarantine',
      entityId: quarantine.id,
      after: {
        incidentId: p.incident.id,
        incident: ref,
        toolId: tool.id,
        versions: versions.map((v) => v.version),
        reason: p.reason,
      },
    },
  );
  await alertAgentOwners(tx, actor, { ...p, quarantine, scope, ref, toolId: tool.id, versions });
  return quarantine;
}

async function alertAgentOwners(
  tx: Prisma.TransactionClient,
  actor: Actor,
  p: {
    incident: Pick<Incident, 'id' | 'severity'>;
    quarantine: ToolQuarantine;
    scope: string;
    ref: string;
    toolId: string;
    versions: { id: string }[];
    now: Date;
  },
) {
  const installs = await tx.installation.findMany({
    where: {
      toolId: p.toolId,
      state: { in: [...AFFECTED_STATES] },
      ...(p.versions.length ? { toolVersionId: { in: p.versions.map((v) => v.id) } } : {}),
    },
    select: { toolVersionId: true, agent: { select: { id: true, name: true, owner: true, environment: true } } },
    orderBy: { agent: { name: 'asc' } },
  });
  const agents = [...new Map(installs.map((i) => [i.agent.id, { ...i.agent, toolVersionId: i.toolVersionId }])).values()];
  if (agents.length === 0) return;
  // The agent's owner is a team or person named on the agent (not an account): the alert names them.
  const alerts = agents.map((a) => ({
    kind: 'incident-quarantine',
    severity: p.incident.severity as AlertSeverity,
    title: `${p.ref} quarantined ${p.scope}: agent ${a.name} (owner ${a.owner}) is affected`,
    detail: {
      incidentId: p.incident.id,
      quarantineId: p.quarantine.id,
      agentId: a.id,
      agentName: a.name,
      owner: a.owner,
      environment: a.environment,
    },
    toolId: p.toolId,
    toolVersionId: a.toolVersionId,
    dedupeKey: `incident-quarantine:${p.quarantine.id}:${a.id}`,
    createdAt: p.now,
  }));
  await tx.alert.createMany({ data: alerts, skipDuplicates: true });
  await recordAuditEvents(
    tx,
    actor,
    alerts.map((a) => ({
      action: 'incident.ownerAlerted' as const,
      entityType: 'Incident' as const,
      entityId: p.incident.id,
      after: { dedupeKey: a.dedupeKey, agent: a.detail.agentName, owner: a.detail.owner },
    })),
  );
  await tx.incidentEvent.create({
    data: {
      incidentId: p.incident.id,
      at: p.now,
      actorId: actor.type === 'SYSTEM' ? null : actor.id,
      actorLabel: actor.label,
      kind: 'agent-owner-alerted',
      message: `Alerted the owners of ${agents.length} affected agent(s): ${agents.map((a) => `${a.name} (${a.owner})`).join(', ')}`,
      detail: { quarantineId: p.quarantine.id, agents: agents.map((a) => ({ id: a.id, name: a.name, owner: a.owner })) },
    },
  });
}

/** Links a tool or version to the incident unless it already is. */
export async function linkOnce(
  tx: Prisma.TransactionClient,
  actor: Actor,
  incidentId: string,
  target: { kind: 'TOOL'; toolId: string } | { kind: 'VERSION'; toolVersionId: string },
  now: Date,
): Promise<boolean> {
  assertActorCan(actor, 'incident:respond');
  const where = { incidentId, ...target };
  if (await tx.incidentLink.findFirst({ where, select: { id: true } })) return false;
  await tx.incidentLink.create({ data: { ...where, createdById: actorId(actor), createdAt: now } });
  return true;
}
