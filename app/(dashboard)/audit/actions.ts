'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { authAction } from '@/lib/server/guards/auth-action';
import { checkpointView, verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { recordAuditCheckpoint } from '@/lib/server/audit/record-audit-checkpoint';
import { actorOf } from '@/lib/server/session';
import { ZRecordAuditCheckpointInput } from '@/lib/validation/audit-checkpoint';

// Recomputing the chain reads only: auditors may run it (audit:verify).
export const verifyAuditChainAction = authAction('audit:verify', z.object({}).passthrough(), async (_input, user) =>
  verifyAuditChain({ actor: actorOf(user), input: {} }),
);

// Writes a checkpoint (and its audit record): admins only (audit:checkpoint), never the auditor.
export const recordAuditCheckpointAction = authAction('audit:checkpoint', ZRecordAuditCheckpointInput, async (input, user) => {
  const checkpoint = await recordAuditCheckpoint({ actor: actorOf(user), input });
  revalidatePath('/audit');
  return checkpointView(checkpoint);
});
