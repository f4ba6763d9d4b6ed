'use server';

import { revalidatePath } from 'next/cache';
import { recordAuditCheckpoint } from '@/lib/server/audit/record-audit-checkpoint';
import { checkpointView } from '@/lib/server/audit/verify-audit-chain';
import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
import { ZRecordAuditCheckpointInput } from '@/lib/validation/audit-checkpoint';

// Writes a checkpoint (and its audit record): admins only (audit:checkpoint), never the auditor.
export const recordAuditCheckpointAction = authAction('audit:checkpoint', ZRecordAuditCheckpointInput, async (input, user) => {
  const checkpoint = await recordAuditCheckpoint({ actor: actorOf(user), input });
  revalidatePath('/audit');
  return checkpointView(checkpoint);
});
