import 'server-only';
import type { ToolQuarantine } from '@prisma/client';
import { checkAct } from '@/lib/domain/incidents/status';
import { refusalError, requirePerson } from '@/lib/server/change-requests/acting-user';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZQuarantineToolInput, type TQuarantineToolInput } from '@/lib/validation/incident';
import { loadIncidentFor } from './load-incident-for';
import { placeQuarantine } from './place-quarantine';

/** Acting on an open incident: quarantine a tool (no versions chosen = every version). */
export async function quarantineTool(
  { actor, input }: OperationCall<TQuarantineToolInput>,
  ctx?: OperationContextInput,
): Promise<ToolQuarantine> {
  const { db, now } = await operationContext(ctx);
  const data = authorize(actor, 'incident:respond', ZQuarantineToolInput, input);
  const person = requirePerson(actor);
  return db.$transaction(async (tx) => {
    const incident = await loadIncidentFor(tx, data.incidentId);
    const check = checkAct({ status: incident.status, role: person.role });
    if (!check.ok) throw refusalError(check);
    return placeQuarantine(tx, actor, {
      incident,
      toolId: data.toolId,
      toolVersionIds: data.toolVersionIds,
      reason: data.reason,
      now,
    });
  });
}
