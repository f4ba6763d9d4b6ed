import 'server-only';
import type { AlertSeverity, Prisma } from '@prisma/client';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import type { Actor } from '@/lib/server/actor';
import type { VendorRating } from '@/lib/domain/vendors/review';
import { publisherOverdueKey, registryOverdueKey } from './vendor-review-checks';

// Any constant works; it only has to be the same for every instance (see ADR 0001).
const VENDOR_REVIEW_LOCK = 4_242_048;

const SEVERITY: Record<VendorRating, AlertSeverity> = { CRITICAL: 'HIGH', HIGH: 'HIGH', MEDIUM: 'MEDIUM', LOW: 'LOW' };

interface Due {
  id: string;
  rating: VendorRating;
  nextReviewAt: Date;
  owner: string;
  name: string;
}

/**
 * Raises one alert per current publisher or registry review whose day has passed (the worse the
 * rating, the higher the severity). Keyed by the review, so a tick raises each once; a re-review
 * resolves it and starts its own clock. One instance checks at a time (transaction-scoped
 * try-lock); returns how many were raised.
 */
export async function raiseOverdueVendorReviewAlerts(
  { actor }: OperationCall<Record<string, never>>,
  ctx?: OperationContextInput,
): Promise<number> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'alert:manage');
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${VENDOR_REVIEW_LOCK}) AS locked`;
    if (!rows[0]?.locked) return 0;
    const where = { next: { is: null }, nextReviewAt: { lt: now } };
    const select = { id: true, rating: true, nextReviewAt: true, owner: true } as const;
    const [publishers, registries] = await Promise.all([
      tx.publisherAssessment.findMany({ where, select: { ...select, publisher: { select: { name: true } } } }),
      tx.registryAssessment.findMany({ where, select: { ...select, registry: { select: { name: true } } } }),
    ]);
    const raise = (kind: 'publisher' | 'registry', due: Due[]) => raiseEach(tx, actor, now, kind, due);
    return (
      (await raise(
        'publisher',
        publishers.map((p) => ({ ...p, name: p.publisher.name })),
      )) +
      (await raise(
        'registry',
        registries.map((r) => ({ ...r, name: r.registry.name })),
      ))
    );
  });
}

async function raiseEach(tx: Prisma.TransactionClient, actor: Actor, now: Date, kind: 'publisher' | 'registry', due: Due[]) {
  const keyOf = kind === 'publisher' ? publisherOverdueKey : registryOverdueKey;
  const known = new Set(
    (await tx.alert.findMany({ where: { dedupeKey: { in: due.map((d) => keyOf(d.id)) } }, select: { dedupeKey: true } })).map(
      (a) => a.dedupeKey,
    ),
  );
  let raised = 0;
  for (const d of due) {
    if (known.has(keyOf(d.id))) continue;
    const dueOn = d.nextReviewAt.toISOString().slice(0, 10);
    const alert = await tx.alert.create({
      data: {
        dedupeKey: keyOf(d.id),
        kind: `${kind}-review-overdue`,
        severity: SEVERITY[d.rating],
        title: `Vendor review of ${kind} ${d.name} overdue since ${dueOn}`,
        detail: { [`${kind}AssessmentId`]: d.id, nextReviewOn: dueOn, rating: d.rating, owner: d.owner },
        createdAt: now,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: kind === 'publisher' ? 'publisherAssessment.reviewOverdue' : 'registryAssessment.reviewOverdue',
      entityType: kind === 'publisher' ? 'PublisherAssessment' : 'RegistryAssessment',
      entityId: d.id,
      after: { alertId: alert.id, nextReviewOn: dueOn },
    });
    raised += 1;
  }
  return raised;
}
