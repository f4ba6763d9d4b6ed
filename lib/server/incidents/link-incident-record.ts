import 'server-only';
import type { IncidentLink, Prisma } from '@prisma/client';
import { LINK_KIND_LABELS, type IncidentLinkKind } from '@/lib/domain/incidents/labels';
import { checkAct } from '@/lib/domain/incidents/status';
import { refusalError, requirePerson } from '@/lib/server/change-requests/acting-user';
import { badRequest, conflict } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZLinkIncidentRecordInput, type TLinkIncidentRecordInput } from '@/lib/validation/incident';
import { appendIncidentEvent } from './append-incident-event';
import { loadIncidentFor } from './load-incident-for';

type Target = {
  where: Partial<Pick<IncidentLink, 'toolId' | 'toolVersionId' | 'agentId' | 'alertId' | 'invocationSeq'>>;
  label: string;
};

/** What the link points at, or null when no such record exists. Agents and tools may be named. */
async function resolveTarget(tx: Prisma.TransactionClient, kind: IncidentLinkKind, ref: string): Promise<Target | null> {
  switch (kind) {
    case 'TOOL': {
      const byId = await tx.tool.findUnique({ where: { id: ref }, select: { id: true, name: true } });
      const tools = byId ? [byId] : await tx.tool.findMany({ where: { name: ref }, select: { id: true, name: true }, take: 2 });
      return tools.length === 1 ? { where: { toolId: tools[0]!.id }, label: tools[0]!.name } : null;
    }
    case 'VERSION': {
      const v = await tx.toolVersion.findUnique({
        where: { id: ref },
        select: { id: true, version: true, tool: { select: { name: true } } },
      });
      return v ? { where: { toolVersionId: v.id }, label: `${v.tool.name} ${v.version}` } : null;
    }
    case 'AGENT': {
      const a = await tx.agent.findFirst({ where: { OR: [{ id: ref }, { name: ref }] }, select: { id: true, name: true } });
      return a ? { where: { agentId: a.id }, label: a.name } : null;
    }
    case 'ALERT': {
      const a = await tx.alert.findUnique({ where: { id: ref }, select: { id: true, title: true } });
      return a ? { where: { alertId: a.id }, label: a.title } : null;
    }
    case 'INVOCATION': {
      const e = await tx.invocationEvent.findFirst({
        where: { seq: BigInt(ref) },
        select: { seq: true, agentName: true, toolName: true, toolVersion: true },
      });
      return e
        ? { where: { invocationSeq: e.seq.toString() }, label: `#${e.seq} ${e.agentName} → ${e.toolName}@${e.toolVersion}` }
        : null;
    }
  }
}

/** Links a tool, version, agent, alert or invocation event to the incident (once). */
export async function linkIncidentRecord(
  { actor, input }: OperationCall<TLinkIncidentRecordInput>,
  ctx?: OperationContextInput,
): Promise<IncidentLink> {
  const { db, now } = await operationContext(ctx);
  const data = authorize(actor, 'incident:respond', ZLinkIncidentRecordInput, input);
  const person = requirePerson(actor);
  return db.$transaction(async (tx) => {
    const incident = await loadIncidentFor(tx, data.incidentId);
    const check = checkAct({ status: incident.status, role: person.role });
    if (!check.ok) throw refusalError(check);
    const target = await resolveTarget(tx, data.kind, data.targetId);
    if (!target)
      throw badRequest(`targetId: No such ${LINK_KIND_LABELS[data.kind].toLowerCase()}`, [
        { path: 'targetId', message: `No such ${LINK_KIND_LABELS[data.kind].toLowerCase()}` },
      ]);
    const where = { incidentId: incident.id, kind: data.kind, ...target.where };
    if (await tx.incidentLink.findFirst({ where, select: { id: true } })) throw conflict('Already linked to this incident');
    const link = await tx.incidentLink.create({ data: { ...where, createdById: person.id, createdAt: now } });
    await appendIncidentEvent(
      tx,
      actor,
      {
        incidentId: incident.id,
        kind: 'linked',
        message: `Linked ${LINK_KIND_LABELS[data.kind].toLowerCase()} ${target.label}`,
        detail: { linkId: link.id, kind: data.kind, ...target.where },
        at: now,
      },
      { action: 'incident.linked', entityType: 'Incident', entityId: incident.id, after: { kind: data.kind, ...target.where } },
    );
    return link;
  });
}
