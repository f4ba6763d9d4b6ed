import 'server-only';
import { isRequestOverdue } from '@/lib/domain/audits/requests';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZEngagementIdInput, type TEngagementIdInput } from '@/lib/validation/engagement';
import { loadEngagementFor } from './engagement-access';

/** The audit's home page: scope, auditors, samples drawn and the PBC list (scoped for auditors). */
export async function getEngagement({ actor, input }: OperationCall<TEngagementIdInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  const { engagementId } = parseInput(ZEngagementIdInput, input);
  const engagement = await loadEngagementFor(db, actor, engagementId, now);
  const [auditors, samples, requests] = await Promise.all([
    db.user.findMany({ where: { id: { in: engagement.auditorIds } }, select: { id: true, name: true, email: true } }),
    db.engagementSample.findMany({
      where: { engagementId },
      orderBy: { createdAt: 'desc' },
      include: { drawnBy: { select: { name: true } } },
    }),
    db.engagementRequest.findMany({
      where: { engagementId },
      orderBy: { createdAt: 'desc' },
      include: { requestedBy: { select: { name: true } } },
    }),
  ]);
  return {
    engagement,
    auditors,
    samples,
    requests: requests.map((r) => ({ ...r, overdue: isRequestOverdue(r, now) })),
  };
}
