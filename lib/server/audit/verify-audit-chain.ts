import 'server-only';
import type { AuditCheckpoint } from '@prisma/client';
import { checkpointKey } from '@/lib/auth/secret';
import { checkCheckpoint, type CheckpointProblemKind } from '@/lib/domain/audit-checkpoint';
import type { ChainBreak } from '@/lib/domain/hash-chain';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZVerifyAuditChainInput, type TVerifyAuditChainInput } from '@/lib/validation/audit-checkpoint';
import { walkAuditChain } from './walk-audit-chain';

export interface CheckpointView {
  id: string;
  createdAt: string;
  headSeq: string;
  headHash: string;
  trigger: AuditCheckpoint['trigger'];
  actorLabel: string;
  /** The invocation event chain's head signed beside the audit head (null before events were covered). */
  eventSeq: string | null;
}

export interface AuditChainReport {
  ok: boolean;
  checked: number;
  lastSeq: string | null;
  break?: ChainBreak & { seq: string };
  /** How many signed checkpoints the chain was compared with, and the newest of them. */
  checkpoints: { checked: number; latest: CheckpointView | null };
  /** The oldest checkpoint the chain no longer matches: newest records deleted, chain rewritten, or a forged checkpoint. */
  checkpointProblem?: { kind: CheckpointProblemKind; checkpoint: CheckpointView };
}

export function checkpointView(c: AuditCheckpoint): CheckpointView {
  return {
    id: c.id,
    createdAt: c.createdAt.toISOString(),
    headSeq: c.headSeq.toString(),
    headHash: c.headHash,
    trigger: c.trigger,
    actorLabel: c.actorLabel,
    eventSeq: c.eventSeq?.toString() ?? null,
  };
}

/**
 * Recomputes the whole chain in batches (memory stays flat however long it is), then compares
 * it with every signed checkpoint: a chain that recomputes cleanly may still have lost its
 * newest records or been rewritten from the start, and only a signature made with a key
 * outside the database can tell.
 */
export async function verifyAuditChain(
  { actor, input }: OperationCall<TVerifyAuditChainInput>,
  ctx?: OperationContextInput,
): Promise<AuditChainReport> {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'audit:verify');
  const { batchSize } = parseInput(ZVerifyAuditChainInput, input);
  const checkpoints = await db.auditCheckpoint.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  const latest = checkpoints.at(-1);
  const summary = { checked: checkpoints.length, latest: latest ? checkpointView(latest) : null };
  const wanted = new Set(checkpoints.map((c) => c.headSeq));
  const hashAt = new Map<bigint, string>();
  const walked = await walkAuditChain(db, {
    pageSize: batchSize,
    onRecord: (r) => {
      if (wanted.has(r.seq)) hashAt.set(r.seq, r.hash);
    },
  });
  if (!walked.ok)
    return {
      ok: false,
      checked: walked.checked,
      lastSeq: walked.broken.seq.toString(),
      break: { ...walked.break, seq: walked.broken.seq.toString() },
      checkpoints: summary,
    };
  const after = walked.lastSeq ?? undefined;
  const checked = walked.checked;
  const report: AuditChainReport = { ok: true, checked, lastSeq: after?.toString() ?? null, checkpoints: summary };
  const key = checkpoints.length > 0 ? checkpointKey() : '';
  for (const c of checkpoints) {
    const kind = checkCheckpoint(c, key, { hashAtHead: hashAt.get(c.headSeq), chainHeadSeq: after ?? 0n });
    if (kind) return { ...report, ok: false, checkpointProblem: { kind, checkpoint: checkpointView(c) } };
  }
  return report;
}
