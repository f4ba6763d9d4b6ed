import 'server-only';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZRecordAuditCheckpointInput, type TRecordAuditCheckpointInput } from '@/lib/validation/audit-checkpoint';
import { checkpointView, type CheckpointView } from './verify-audit-chain';

/** The newest signed checkpoint, for the audit page (null before the first one). */
export async function getLatestCheckpoint(
  { actor, input }: OperationCall<TRecordAuditCheckpointInput>,
  ctx?: OperationContextInput,
): Promise<CheckpointView | null> {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'audit:read');
  parseInput(ZRecordAuditCheckpointInput, input);
  const latest = await db.auditCheckpoint.findFirst({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return latest ? checkpointView(latest) : null;
}
