import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { z } from 'zod';
import { zText } from '@/lib/validation/text';

const isAuditor = (actor: Actor): actor is Actor & { type: 'USER' } => actor.type === 'USER' && actor.role === 'AUDITOR';

/**
 * The engagements open to this auditor now (assigned, inside the access window). The entry-point
 * gate (lib/server/session.ts) lets an auditor open the pages outside the portal only while one
 * is open (ADR 0010). Other actors: none (they are not time-boxed).
 */
export async function listOpenEngagementIds(
  { actor }: OperationCall<Record<string, never>>,
  ctx?: OperationContextInput,
): Promise<string[]> {
  const { db, now } = await operationContext(ctx);
  if (!isAuditor(actor)) return [];
  const rows = await db.auditEngagement.findMany({
    where: { auditors: { some: { userId: actor.id } }, accessOpensAt: { lte: now }, accessClosesAt: { gt: now } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

const ZViewInput = z.object({
  path: zText().max(2000),
  /** Set when the page belongs to one audit, so the trail filters to that audit's activity. */
  engagementId: zText().max(64).optional(),
  refused: z.string().max(200).optional(),
});
export type TAuditorViewInput = z.infer<typeof ZViewInput>;

/**
 * Every page an auditor opens is an audit event (ARCHITECTURE §1): inside an audit it names the
 * engagement; elsewhere it names the auditor and the engagements open at that moment. A page
 * the gate refused is recorded as a refusal. Other roles' views are not recorded.
 */
export async function recordAuditorPageView(
  { actor, input }: OperationCall<TAuditorViewInput>,
  ctx?: OperationContextInput,
): Promise<void> {
  const { db } = await operationContext(ctx);
  if (!isAuditor(actor)) return;
  const v = parseInput(ZViewInput, input);
  const openIds = v.engagementId ? undefined : await listOpenEngagementIds({ actor, input: {} }, { db });
  await db.$transaction((tx) =>
    recordAuditEvent(
      tx,
      actor,
      v.refused
        ? {
            action: 'engagement.accessRefused',
            entityType: 'User',
            entityId: actor.id,
            after: { path: v.path, reason: v.refused },
          }
        : v.engagementId
          ? { action: 'engagement.viewed', entityType: 'AuditEngagement', entityId: v.engagementId, after: { path: v.path } }
          : {
              action: 'user.pageViewed',
              entityType: 'User',
              entityId: actor.id,
              after: { path: v.path, openEngagements: openIds },
            },
    ),
  );
}
