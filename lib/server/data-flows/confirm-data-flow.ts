import 'server-only';
import type { DataFlowMap } from '@prisma/client';
import { requirePerson } from '@/lib/server/change-requests/acting-user';
import { conflict, notFound } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZConfirmDataFlowInput, type TConfirmDataFlowInput } from '@/lib/validation/data-flow';
import { contentOf, reasonsOf } from './map-content';
import { CHANGED_MEANWHILE, unsafeWriteMapVersion } from './write-map-version';

/**
 * A person vouches for the tool's current (derived) map as it stands: a new version with the
 * same content, CONFIRMED by them now. The map they looked at must still be the current one.
 */
export async function confirmDataFlow(
  { actor, input }: OperationCall<TConfirmDataFlowInput>,
  ctx?: OperationContextInput,
): Promise<DataFlowMap> {
  const { db, now } = await operationContext(ctx);
  const data = authorize(actor, 'dataFlow:confirm', ZConfirmDataFlowInput, input);
  const person = requirePerson(actor);
  return db.$transaction(async (tx) => {
    const map = await tx.dataFlowMap.findFirst({ where: { id: data.mapId, toolId: data.toolId }, include: { next: true } });
    if (!map) throw notFound('Data flow map');
    if (map.next) throw conflict(CHANGED_MEANWHILE);
    if (map.status === 'CONFIRMED') throw conflict('This map is already confirmed');
    return unsafeWriteMapVersion(
      tx,
      actor,
      {
        toolId: map.toolId,
        toolVersionId: map.toolVersionId,
        previousId: map.id,
        status: 'CONFIRMED',
        content: contentOf(map),
        reasons: reasonsOf(map),
        note: `Confirmed revision ${map.revision} as derived`,
        authorId: map.authorId,
        confirmedById: person.id,
        action: 'dataFlow.confirmed',
      },
      now,
    );
  });
}
