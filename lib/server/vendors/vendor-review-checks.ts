import 'server-only';
import type { Prisma } from '@prisma/client';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { badRequest, type FieldIssue } from '@/lib/server/errors';
import type { Actor } from '@/lib/server/actor';
import {
  checkVendorOverrides,
  conclusionNeedsNotes,
  defaultVendorNextReview,
  nextReviewProblem,
  type VendorConclusion,
  type VendorOverride,
  type VendorRating,
  type VendorSuggestion,
} from '@/lib/domain/vendors/review';

export function refuse(issues: FieldIssue[]): never {
  throw badRequest(`${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

interface ReviewFields {
  rating: VendorRating;
  ratingReason?: string;
  conclusion: VendorConclusion;
  conclusionReason?: string;
  notes: string;
  nextReviewOn?: string;
}

/** The checks that need no database: notes for a conditional conclusion, the next review day. */
export function reviewDayAndNotes(data: ReviewFields, now: Date): Date {
  const problems: FieldIssue[] = [];
  if (conclusionNeedsNotes(data.conclusion, data.notes))
    problems.push({ path: 'notes', message: 'Say what the conditions are, or why the vendor is not approved' });
  const nextReviewAt = data.nextReviewOn ? new Date(`${data.nextReviewOn}T00:00:00Z`) : defaultVendorNextReview(now, data.rating);
  const dayProblem = nextReviewProblem(nextReviewAt, now);
  if (dayProblem) problems.push({ path: 'nextReviewOn', message: dayProblem });
  if (problems.length) refuse(problems);
  return nextReviewAt;
}

/** The overrides against the suggestion computed in the transaction; refused without reasons. */
export function overridesOf(suggestion: VendorSuggestion, data: ReviewFields): VendorOverride[] {
  const check = checkVendorOverrides(
    suggestion,
    { rating: data.rating, conclusion: data.conclusion },
    { rating: data.ratingReason, conclusion: data.conclusionReason },
  );
  if (!check.ok) refuse(check.problems);
  return check.overrides;
}

export const STALE_REVIEW = 'Someone reviewed this vendor while you were editing: reload to start from the current review';

/** A re-review is the review the overdue alert asked for: it closes it, on the record. Unchecked: called inside a review operation after its own check. */
export async function unsafeResolveOverdueVendorAlert(tx: Prisma.TransactionClient, actor: Actor, dedupeKey: string, now: Date) {
  const alert = await tx.alert.findUnique({ where: { dedupeKey } });
  if (!alert || alert.state === 'RESOLVED') return;
  const after = await tx.alert.update({
    where: { id: alert.id },
    data: { state: 'RESOLVED', resolvedAt: now, resolvedBy: actor.label },
  });
  await recordAuditEvent(tx, actor, {
    action: 'alert.resolved',
    entityType: 'Alert',
    entityId: alert.id,
    before: { state: alert.state },
    after: { state: after.state, reason: 'vendor re-reviewed' },
  });
}

export const publisherOverdueKey = (assessmentId: string) => `publisher-review-overdue:${assessmentId}`;
export const registryOverdueKey = (assessmentId: string) => `registry-review-overdue:${assessmentId}`;
