import 'server-only';
import type { Prisma } from '@prisma/client';
import { materialChanges, type CoveredToolState } from '@/lib/domain/exceptions/reopen-triggers';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { recordAuditEvents } from '@/lib/server/audit/record-audit-event';

export interface ToolStateChange {
  toolId: string;
  before: CoveredToolState;
  after: CoveredToolState;
}

/**
 * Called by the registry sync (inside its transaction) with each tool whose stored state moved:
 * a material change (new version, permission rise, tier drop, failed verification) sends the
 * tool's approved exceptions back to review, so they stop covering until approved again.
 * Unsafe: no person acts; the sync authorized itself (registry:sync) before it got here.
 */
export async function unsafeReopenExceptionsOnToolChange(
  tx: Prisma.TransactionClient,
  changes: readonly ToolStateChange[],
  now: Date,
): Promise<number> {
  const material = changes
    .map((c) => ({ toolId: c.toolId, reasons: materialChanges(c.before, c.after).map((m) => m.reason) }))
    .filter((c) => c.reasons.length > 0);
  if (material.length === 0) return 0;
  const approved = await tx.policyException.findMany({
    where: { toolId: { in: material.map((m) => m.toolId) }, status: 'APPROVED', expiresAt: { gt: now } },
    select: { id: true, toolId: true },
  });
  if (approved.length === 0) return 0;
  const reasonOf = new Map(material.map((m) => [m.toolId, m.reasons.join('; ')]));
  for (const e of approved) {
    await tx.policyException.update({
      where: { id: e.id },
      data: { status: 'REQUESTED', reopenedAt: now, reopenReason: reasonOf.get(e.toolId)! },
    });
  }
  await recordAuditEvents(
    tx,
    SYSTEM_ACTOR,
    approved.map((e) => ({
      action: 'exception.reopened' as const,
      entityType: 'PolicyException' as const,
      entityId: e.id,
      before: { status: 'APPROVED' },
      after: { status: 'REQUESTED', reopenReason: reasonOf.get(e.toolId) },
    })),
  );
  return approved.length;
}
