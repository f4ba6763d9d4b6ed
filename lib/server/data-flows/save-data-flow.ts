import 'server-only';
import type { DataFlowMap } from '@prisma/client';
import { requirePerson } from '@/lib/server/change-requests/acting-user';
import { badRequest } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZSaveDataFlowInput, type TSaveDataFlowInput } from '@/lib/validation/data-flow';
import { unsafeWriteMapVersion } from './write-map-version';

/**
 * A person's version of a tool's map, from the form. Whoever maps a flow states it as it is,
 * so the saved version is CONFIRMED by its author (a derived draft waits for a person; a
 * person's own map does not wait for a second one). The earlier versions stay in the history.
 */
export async function saveDataFlow(
  { actor, input }: OperationCall<TSaveDataFlowInput>,
  ctx?: OperationContextInput,
): Promise<DataFlowMap> {
  const { db, now } = await operationContext(ctx);
  const data = authorize(actor, 'dataFlow:map', ZSaveDataFlowInput, input);
  const person = requirePerson(actor);
  return db.$transaction(async (tx) => {
    if (data.toolVersionId) {
      const version = await tx.toolVersion.findFirst({
        where: { id: data.toolVersionId, toolId: data.toolId },
        select: { id: true },
      });
      if (!version)
        throw badRequest('toolVersionId: Not a version of this tool', [
          { path: 'toolVersionId', message: 'Not a version of this tool' },
        ]);
    }
    return unsafeWriteMapVersion(
      tx,
      actor,
      {
        toolId: data.toolId,
        toolVersionId: data.toolVersionId ?? null,
        previousId: data.previousId ?? null,
        status: 'CONFIRMED',
        content: { inputs: data.inputs, processing: data.processing, destinations: data.destinations, retention: data.retention },
        reasons: [],
        note: data.note,
        authorId: person.id,
        confirmedById: person.id,
        action: 'dataFlow.edited',
      },
      now,
    );
  });
}
