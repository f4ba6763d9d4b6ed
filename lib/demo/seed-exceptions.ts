import type { PrismaClient, Role } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { decidePolicyException } from '@/lib/server/exceptions/decide-policy-exception';
import { getExceptionRequestOptions } from '@/lib/server/exceptions/get-exception-request-options';
import { requestPolicyException } from '@/lib/server/exceptions/request-policy-exception';
import { revokePolicyException } from '@/lib/server/exceptions/revoke-policy-exception';

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

type Plan = { requestedDaysAgo: number; expiresInDays: number; then?: 'approve' | 'reject' | 'revoke'; why: string };

/** One exception per state, each over a tool whose latest version misses the production policy. */
const PLANS: Plan[] = [
  {
    requestedDaysAgo: 20,
    expiresInDays: 60,
    then: 'approve',
    why: 'Needed for the support workflow until the publisher reaches Gold.',
  },
  {
    requestedDaysAgo: 50,
    expiresInDays: 7,
    then: 'approve',
    why: 'Bridges the migration to the replacement tool, due next week.',
  },
  { requestedDaysAgo: 2, expiresInDays: 45, why: 'The finance agent needs it for quarter close; a Gold release is promised.' },
  {
    requestedDaysAgo: 10,
    expiresInDays: 30,
    then: 'reject',
    why: 'Convenience for a prototype that could use an approved tool instead.',
  },
  { requestedDaysAgo: 40, expiresInDays: -5, then: 'approve', why: 'Temporary use during a data migration (now expired).' },
  { requestedDaysAgo: 30, expiresInDays: 40, then: 'revoke', why: 'Used for an evaluation that ended early.' },
];

/**
 * Demo exceptions in every state, through the real operations (a compliance officer requests,
 * a security reviewer decides, at the recorded times), so the register, the matrix, the tool
 * pages and the audit trail show the workflow as it runs.
 */
export async function seedExceptions(prisma: PrismaClient): Promise<void> {
  // Idempotent by its own records: the workflow seed runs first and covers some production
  // installations with exceptions of its own, which must not stop these.
  if ((await prisma.policyException.count({ where: { justification: { in: PLANS.map((p) => p.why) } } })) > 0) return;
  const [officer, reviewer] = await Promise.all([
    prisma.user.findFirst({ where: { role: 'COMPLIANCE_OFFICER' }, orderBy: { email: 'asc' } }),
    prisma.user.findFirst({ where: { role: 'SECURITY_REVIEWER' }, orderBy: { email: 'asc' } }),
  ]);
  if (!officer || !reviewer) return;
  const asActor = (u: { id: string; email: string; role: Role }): Actor => ({
    type: 'USER',
    id: u.id,
    label: u.email,
    role: u.role,
  });
  const requester = asActor(officer);
  const decider = asActor(reviewer);
  const tools = await prisma.tool.findMany({
    // Tools a production agent runs are left alone: the enforcement demo (and its e2e specs)
    // shows them denied until someone requests an exception through the workflow.
    where: {
      latestVersionId: { not: null },
      tier: { in: ['VERIFIED', 'PARTIAL'] },
      installations: { none: { environment: 'PRODUCTION' } },
    },
    orderBy: { name: 'asc' },
    take: PLANS.length * 2,
    select: { id: true, name: true, latestVersionId: true },
  });
  const now = Date.now();
  let used = 0;
  for (const tool of tools) {
    const plan = PLANS[used];
    if (!plan) break;
    const requestedAt = new Date(now - plan.requestedDaysAgo * DAY);
    const options = await getExceptionRequestOptions(
      { actor: requester, input: { toolId: tool.id, toolVersionId: tool.latestVersionId!, environment: 'PRODUCTION' } },
      { db: prisma, now: requestedAt },
    );
    const rules = options.failing.filter((f) => f.coverable).map((f) => f.rule);
    if (rules.length === 0 || options.failing.some((f) => !f.coverable)) continue;
    const expiresAt = new Date(now + plan.expiresInDays * DAY);
    const e = await requestPolicyException(
      {
        actor: requester,
        input: {
          toolId: tool.id,
          environment: 'PRODUCTION',
          toolVersionId: tool.latestVersionId!,
          rules,
          justification: plan.why,
          compensatingControls: 'Egress restricted to the vendor API; invocations reviewed weekly by security.',
          remediationPlan: `Replace ${tool.name} or adopt a Gold-tier release.`,
          remediationDate: day(new Date(Math.min(expiresAt.getTime(), requestedAt.getTime() + 30 * DAY))),
          expiresAt: day(expiresAt),
        },
      },
      { db: prisma, now: requestedAt },
    );
    const decidedAt = new Date(requestedAt.getTime() + DAY);
    if (plan.then === 'reject') {
      await decidePolicyException(
        { actor: decider, input: { id: e.id, decision: 'REJECTED', comment: 'Use the approved alternative instead.' } },
        { db: prisma, now: decidedAt },
      );
    } else if (plan.then) {
      await decidePolicyException(
        { actor: decider, input: { id: e.id, decision: 'APPROVED', comment: 'Compensating controls checked.' } },
        { db: prisma, now: decidedAt },
      );
      if (plan.then === 'revoke')
        await revokePolicyException(
          { actor: decider, input: { id: e.id, reason: 'The evaluation ended; the tool is no longer used.' } },
          { db: prisma, now: new Date(now - 3 * DAY) },
        );
    }
    used++;
  }
}
