import type { PrismaClient } from '@prisma/client';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { getPublisherReview } from '@/lib/server/vendors/get-publisher-review';
import { getRegistryReview } from '@/lib/server/vendors/get-registry-review';
import { reviewPublisher } from '@/lib/server/vendors/review-publisher';
import { reviewRegistry } from '@/lib/server/vendors/review-registry';
import { raiseOverdueVendorReviewAlerts } from '@/lib/server/vendors/raise-overdue-vendor-review-alerts';

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Demo vendor reviews through the real operations, by Carla (compliance officer): every
 * registry from its profile; the publishers of the first tools agents use, each from its
 * suggestion; the first publisher was reviewed long ago and is overdue (alerted by the same check
 * the scheduler runs); the second was re-reviewed with a rating override (history with a diff).
 * The other publishers stay unreviewed, so "review from the suggestion" has something to show.
 */
export async function seedVendors(prisma: PrismaClient): Promise<void> {
  if ((await prisma.publisherAssessment.count()) + (await prisma.registryAssessment.count()) > 0) return;
  const carlaRow = await prisma.user.findUnique({ where: { email: 'compliance@toolledger.local' } });
  if (!carlaRow) return;
  const carla: Actor = { type: 'USER', id: carlaRow.id, label: carlaRow.email, role: carlaRow.role };
  const now = Date.now();
  const at = (daysAgo: number) => ({ db: prisma, now: new Date(now - daysAgo * DAY) });

  for (const registry of await prisma.registry.findMany({ orderBy: { name: 'asc' }, select: { id: true } })) {
    const r = await getRegistryReview({ actor: carla, input: { registryId: registry.id } }, at(20));
    if (!r) continue;
    const conditional = r.suggestion.conclusion.value !== 'APPROVED';
    await reviewRegistry(
      {
        actor: carla,
        input: {
          registryId: registry.id,
          verification: r.suggestion.verification,
          signing: r.suggestion.signing,
          rating: r.suggestion.rating.value,
          conclusion: r.suggestion.conclusion.value,
          notes: conditional
            ? 'Only tools that also pass our own verification policy; digests pinned at approval.'
            : 'Checked the registry’s documentation and our synced coverage.',
          owner: 'Platform security',
        },
      },
      at(20),
    );
  }

  const publishers = await prisma.publisher.findMany({
    where: { tools: { some: { installations: { some: { state: { not: 'REVOKED' } } } } } },
    orderBy: { name: 'asc' },
    select: { id: true },
    take: 3,
  });
  for (const [n, publisher] of publishers.entries()) {
    // The overdue one was reviewed 200 days ago with a 180-day review; the others recently.
    const ctx = at(n === 0 ? 200 : 15 - n * 5);
    const p = await getPublisherReview({ actor: carla, input: { publisherId: publisher.id } }, ctx);
    if (!p) continue;
    const conditional = p.suggestion.conclusion.value !== 'APPROVED';
    const first = await reviewPublisher(
      {
        actor: carla,
        input: {
          publisherId: publisher.id,
          identityConfirmed: p.suggestion.identity.value,
          rating: p.suggestion.rating.value,
          conclusion: p.suggestion.conclusion.value,
          notes: conditional
            ? 'Approved for the reviewed tools only; new tools from this publisher need their own change request.'
            : 'Identity and track record checked against the registry.',
          owner: 'Vendor management',
          nextReviewOn: n === 0 ? day(ctx.now.getTime() + 180 * DAY) : undefined,
        },
      },
      ctx,
    );
    if (n === 1) {
      const higher = p.suggestion.rating.value === 'CRITICAL' ? 'HIGH' : 'CRITICAL';
      await reviewPublisher(
        {
          actor: carla,
          input: {
            publisherId: publisher.id,
            previousId: first.id,
            identityConfirmed: p.suggestion.identity.value,
            rating: higher,
            ratingReason: 'A security advisory named this publisher’s CI pipeline last week',
            conclusion: p.suggestion.conclusion.value,
            notes: 'Approved while the advisory is open; re-review when the publisher reports the fix.',
            owner: first.owner,
            nextReviewOn: day(now + 30 * DAY),
          },
        },
        at(2),
      );
    }
  }
  await raiseOverdueVendorReviewAlerts({ actor: SYSTEM_ACTOR, input: {} }, { db: prisma, now: new Date(now) });
}
