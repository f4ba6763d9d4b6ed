import 'server-only';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZIncidentIdInput } from '@/lib/validation/incident';

/** The tool page's card: incidents that concern the tool and its quarantines (in force first). */
export async function listToolIncidents({ actor, input }: OperationCall<{ id: string }>, ctx?: OperationContextInput) {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'incident:read');
  const { id: toolId } = parseInput(ZIncidentIdInput, input);
  const [incidents, quarantines] = await Promise.all([
    db.incident.findMany({
      where: {
        OR: [{ links: { some: { OR: [{ toolId }, { toolVersion: { toolId } }] } } }, { quarantines: { some: { toolId } } }],
      },
      orderBy: { openedAt: 'desc' },
      take: 20,
      select: { id: true, number: true, title: true, status: true, severity: true, scenario: true, openedAt: true },
    }),
    db.toolQuarantine.findMany({
      where: { toolId },
      orderBy: [{ liftedAt: { sort: 'desc', nulls: 'first' } }, { quarantinedAt: 'desc' }],
      take: 20,
      include: {
        incident: { select: { id: true, number: true } },
        versions: { select: { toolVersion: { select: { version: true } } } },
      },
    }),
  ]);
  return {
    incidents,
    quarantines: quarantines.map((q) => ({
      id: q.id,
      incident: q.incident,
      reason: q.reason,
      quarantinedAt: q.quarantinedAt,
      liftedAt: q.liftedAt,
      liftReason: q.liftReason,
      versions: q.versions.map((v) => v.toolVersion.version),
    })),
  };
}

export type ToolIncidents = Awaited<ReturnType<typeof listToolIncidents>>;
