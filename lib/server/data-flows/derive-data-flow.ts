import 'server-only';
import type { DataFlowMap } from '@prisma/client';
import { deriveDataFlow as derive } from '@/lib/domain/data-flows/derive';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZDeriveDataFlowInput, type TDeriveDataFlowInput } from '@/lib/validation/data-flow';
import { loadDataFlowFacts } from './load-data-flow-facts';
import { unsafeWriteMapVersion } from './write-map-version';

/**
 * Drafts a tool's data flow map from what ToolLedger knows now (the latest version's declared
 * permissions, allowed hosts, registry manifest, and the permissions agents reported using).
 * The draft is DERIVED until a person confirms it; redrafting a confirmed map makes it derived
 * again (the earlier versions stay in the history).
 */
export async function deriveDataFlow(
  { actor, input }: OperationCall<TDeriveDataFlowInput>,
  ctx?: OperationContextInput,
): Promise<DataFlowMap> {
  const { db, now } = await operationContext(ctx);
  const data = authorize(actor, 'dataFlow:map', ZDeriveDataFlowInput, input);
  return db.$transaction(async (tx) => {
    const { version, facts } = await loadDataFlowFacts(tx, data.toolId);
    const { reasons, ...content } = derive(facts);
    return unsafeWriteMapVersion(
      tx,
      actor,
      {
        toolId: data.toolId,
        toolVersionId: version?.id ?? null,
        previousId: data.previousId ?? null,
        status: 'DERIVED',
        content,
        reasons,
        note: version ? `Derived from version ${version.version}` : 'Derived (the tool has no version yet)',
        authorId: null,
        confirmedById: null,
        action: 'dataFlow.derived',
      },
      now,
    );
  });
}
