import 'server-only';
import { playbookFor } from '@/lib/domain/incidents/playbooks';
import { missingSteps, NEXT_STATUS } from '@/lib/domain/incidents/status';
import { userNames } from '@/lib/server/exceptions/list-policy-exceptions';
import { notFound } from '@/lib/server/errors';
import { assertInsideAudits, overlapsPeriod } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZIncidentIdInput } from '@/lib/validation/incident';

/** One incident with its checklist (playbook + what is done), timeline, links and quarantines. */
export async function getIncident({ actor, input }: OperationCall<{ id: string }>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'incident:read');
  const { id } = parseInput(ZIncidentIdInput, input);
  const incident = await db.incident.findUnique({
    where: { id },
    include: {
      steps: true,
      events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
      links: {
        orderBy: { createdAt: 'asc' },
        include: {
          tool: { select: { id: true, name: true } },
          toolVersion: { select: { id: true, version: true, tool: { select: { id: true, name: true } } } },
          agent: { select: { id: true, name: true, owner: true, environment: true } },
          alert: { select: { id: true, title: true, state: true } },
        },
      },
      quarantines: {
        orderBy: { quarantinedAt: 'asc' },
        include: {
          tool: { select: { id: true, name: true } },
          versions: { select: { toolVersion: { select: { id: true, version: true } } } },
        },
      },
    },
  });
  if (!incident) throw notFound('Incident');
  // An auditor opens an incident open during one of their audits' periods (incidents name no environment).
  await assertInsideAudits(db, actor, now, { entityType: 'Incident', entityId: incident.id }, (windows) =>
    windows.some((w) => overlapsPeriod(w, incident.openedAt, incident.closedAt)),
  );
  const names = await userNames(db, [
    incident.ownerId,
    incident.openedById,
    ...incident.steps.map((s) => s.doneById),
    ...incident.quarantines.flatMap((q) => [q.quarantinedById, q.liftedById]),
  ]);
  // The tools the incident concerns, with their versions, for the quarantine form.
  const toolIds = [
    ...new Set(incident.links.flatMap((l) => [l.tool?.id, l.toolVersion?.tool.id]).filter((x): x is string => !!x)),
  ];
  const linkedTools = await db.tool.findMany({
    where: { id: { in: toolIds } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, versions: { select: { id: true, version: true }, orderBy: { createdAt: 'desc' }, take: 50 } },
  });
  const done = new Map(incident.steps.map((s) => [s.stepKey, s]));
  const next = NEXT_STATUS[incident.status];
  return {
    ...incident,
    ownerName: names.get(incident.ownerId) ?? incident.ownerId,
    openedByName: names.get(incident.openedById) ?? incident.openedById,
    checklist: playbookFor(incident.scenario).map((step) => {
      const s = done.get(step.key);
      return { ...step, done: s ? { at: s.doneAt, by: names.get(s.doneById) ?? s.doneById, note: s.note } : null };
    }),
    linkedTools,
    next: next ? { status: next, missing: missingSteps(incident.scenario, next, new Set(done.keys())) } : null,
    quarantines: incident.quarantines.map((q) => ({
      ...q,
      versions: q.versions.map((v) => v.toolVersion),
      quarantinedByName: names.get(q.quarantinedById) ?? q.quarantinedById,
      liftedByName: q.liftedById ? (names.get(q.liftedById) ?? q.liftedById) : null,
    })),
  };
}

export type IncidentDetail = Awaited<ReturnType<typeof getIncident>>;
