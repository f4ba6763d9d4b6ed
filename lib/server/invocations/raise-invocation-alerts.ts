import type { Prisma } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvents } from '@/lib/server/audit/record-audit-event';
import { invocationAlertDrafts, type SubjectUse } from '@/lib/domain/invocations/alert-drafts';

/** Creates the alerts not raised before, each with its audit record, in the caller's transaction. */
export async function raiseInvocationAlerts(
  tx: Prisma.TransactionClient,
  actor: Actor,
  uses: readonly SubjectUse[],
): Promise<number> {
  const drafts = invocationAlertDrafts(uses);
  if (drafts.length === 0) return 0;
  const existing = new Set(
    (await tx.alert.findMany({ where: { dedupeKey: { in: drafts.map((d) => d.dedupeKey) } }, select: { dedupeKey: true } })).map(
      (a) => a.dedupeKey,
    ),
  );
  const fresh = drafts.filter((d) => !existing.has(d.dedupeKey));
  const created = [];
  for (const d of fresh) {
    created.push(await tx.alert.create({ data: d, select: { id: true, kind: true, severity: true, title: true } }));
  }
  await recordAuditEvents(
    tx,
    actor,
    created.map((a) => ({ action: 'alert.raised', entityType: 'Alert', entityId: a.id, after: a })),
  );
  return created.length;
}
