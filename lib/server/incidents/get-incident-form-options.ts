import 'server-only';
import { z } from 'zod';
import { INCIDENT_RESPONDERS } from '@/lib/domain/incidents/status';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { zText } from '@/lib/validation/text';

const MAX_TOOLS = 500;

export const ZIncidentFormQuery = z.object({ toolId: zText().trim().max(64).optional() });

/** What the "open incident" form offers: owners (responders), tools, and the chosen tool's versions. */
export async function getIncidentFormOptions(
  { actor, input }: OperationCall<z.input<typeof ZIncidentFormQuery>>,
  ctx?: OperationContextInput,
) {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'incident:respond');
  const q = parseInput(ZIncidentFormQuery, input);
  const [owners, tools, tool] = await Promise.all([
    db.user.findMany({
      where: { active: true, role: { in: [...INCIDENT_RESPONDERS] } },
      select: { id: true, name: true, role: true },
      orderBy: { name: 'asc' },
    }),
    db.tool.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' }, take: MAX_TOOLS }),
    q.toolId ? db.tool.findUnique({ where: { id: q.toolId }, select: { id: true, name: true } }) : null,
  ]);
  const versions = tool
    ? await db.toolVersion.findMany({
        where: { toolId: tool.id },
        select: { id: true, version: true },
        orderBy: { createdAt: 'desc' },
        take: 200,
      })
    : [];
  return { owners, tools, tool, versions };
}
