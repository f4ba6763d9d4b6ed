import type { Environment, InstallationState, PrismaClient } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { createChangeRequest } from '@/lib/server/change-requests/create-change-request';
import { decideChangeRequest } from '@/lib/server/change-requests/decide-change-request';
import { deployChangeRequest } from '@/lib/server/change-requests/deploy-change-request';
import { decidePolicyException } from '@/lib/server/exceptions/decide-policy-exception';
import { requestPolicyException } from '@/lib/server/exceptions/request-policy-exception';
import { policyStatusOf } from '@/lib/server/overview/policy-status';

const HOUR = 3_600_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const DAY = 24 * HOUR;

/** One demo installation to bring in through the change workflow. */
export interface PlannedInstall {
  agent: { id: string; name: string; environment: Environment };
  toolId: string;
  toolVersionId: string;
  toolName: string;
  state: InstallationState;
  /** When it was approved (requested a day before, activated a day after). */
  approvedAt: Date;
}

export const DEMO_PEOPLE = {
  carla: 'compliance@toolledger.local',
  chris: 'compliance2@toolledger.local',
  sam: 'security@toolledger.local',
  ada: 'admin@toolledger.local',
} as const;

export async function demoPeople(prisma: PrismaClient): Promise<Record<keyof typeof DEMO_PEOPLE, Actor>> {
  const users = await prisma.user.findMany({ where: { email: { in: Object.values(DEMO_PEOPLE) } } });
  const entries = Object.entries(DEMO_PEOPLE).map(([key, email]) => {
    const u = users.find((x) => x.email === email);
    if (!u) throw new Error(`Seed the demo users before the demo installations (${email} is missing)`);
    return [key, { type: 'USER', id: u.id, label: u.email, role: u.role } satisfies Actor];
  });
  return Object.fromEntries(entries) as Record<keyof typeof DEMO_PEOPLE, Actor>;
}

/**
 * Every demo installation comes in the way a real one does (issue 14): a compliance officer
 * raises the change request, the other officer reviews it, Sam (security) takes the security
 * stage when the policy asks for it, and Ada (admin) deploys, each at a backdated time, so every
 * installation links to the request that approved it. Revoked ones are then removed by a removal
 * request through the same steps; requested ones wait in review. The catalogue is at its first
 * revision here (lib/demo/seed-catalog.ts): the second sync then raises its alerts over versions
 * that really were approved. Requests run one after another: each reads what the last wrote.
 */
export async function seedInstallations(prisma: PrismaClient, plan: PlannedInstall[], now: number): Promise<void> {
  const { carla, chris, sam, ada } = await demoPeople(prisma);
  for (const [n, p] of plan.entries()) {
    // Carla and Chris take turns raising; the other one reviews (nobody reviews their own request).
    const [requester, reviewer] = n % 2 === 0 ? [carla, chris] : [chris, carla];
    const ctx = (at: number) => ({ db: prisma, now: new Date(at) });
    const approvedAt = p.approvedAt.getTime();
    const target = { agentId: p.agent.id, environment: p.agent.environment };
    const r = await createChangeRequest(
      {
        actor: requester,
        input: {
          kind: 'NEW_TOOL',
          toolVersionId: p.toolVersionId,
          ...target,
          justification: `${p.agent.name} needs ${p.toolName} for its ${p.agent.environment.toLowerCase()} workload.`,
        },
      },
      ctx(approvedAt - DAY),
    );
    if (p.state === 'REQUESTED') continue;
    await approve(r, reviewer, sam, ctx, approvedAt);
    if (p.state === 'APPROVED') continue;
    await coverWithException(prisma, p, { requester, sam }, approvedAt);
    await deployChangeRequest({ actor: ada, input: { id: r.id } }, ctx(approvedAt + DAY));
    if (p.state === 'BLOCKED') {
      // Blocked by security after it went live: no operation blocks one installation yet (the
      // quarantine of issue 14.6 will), so the state is set here; the approval link stays.
      await prisma.installation.updateMany({
        where: { agentId: p.agent.id, toolVersionId: p.toolVersionId },
        data: { state: 'BLOCKED', revokedAt: new Date(now - 5 * DAY) },
      });
    }
    if (p.state !== 'REVOKED') continue;
    // Revoked: removed five days ago by a removal request through the same steps.
    const removedAt = now - 5 * DAY;
    const removal = await createChangeRequest(
      {
        actor: requester,
        input: {
          kind: 'REMOVAL',
          toolVersionId: p.toolVersionId,
          ...target,
          justification: `${p.toolName} is no longer needed by ${p.agent.name}.`,
        },
      },
      ctx(removedAt - DAY),
    );
    await approve(removal, reviewer, sam, ctx, removedAt - 12 * HOUR);
    await deployChangeRequest({ actor: ada, input: { id: removal.id } }, ctx(removedAt));
  }
}

/**
 * A version below its environment's policy went live the way the workflow allows it: under an
 * exception a security reviewer approved, which has since expired. The enforcement API denies it
 * again now (the demo's production tools below Gold); the register shows how it was let in.
 */
async function coverWithException(
  prisma: PrismaClient,
  p: PlannedInstall,
  people: { requester: Actor; sam: Actor },
  approvedAt: number,
) {
  const deployAt = new Date(approvedAt + DAY);
  const [status] = (await policyStatusOf(prisma, [p.toolVersionId], [p.agent.environment], deployAt)).get(p.toolVersionId) ?? [];
  if (!status || status.passes) return;
  const requestedAt = new Date(approvedAt - 2 * DAY);
  const expiresAt = new Date(approvedAt + 21 * DAY);
  const e = await requestPolicyException(
    {
      actor: people.requester,
      input: {
        toolId: p.toolId,
        environment: p.agent.environment,
        toolVersionId: p.toolVersionId,
        rules: status.blocking.map((b) => b.rule),
        justification: `${p.agent.name} needs ${p.toolName} for a time-boxed rollout while the publisher works towards the policy.`,
        compensatingControls: 'Egress restricted to the vendor API; invocations reviewed weekly by security.',
        remediationPlan: `Move ${p.toolName} to a release that meets the policy, or remove it.`,
        remediationDate: dayOf(expiresAt),
        expiresAt: dayOf(expiresAt),
      },
    },
    { db: prisma, now: requestedAt },
  );
  await decidePolicyException(
    { actor: people.sam, input: { id: e.id, decision: 'APPROVED', comment: 'Compensating controls checked for the rollout.' } },
    { db: prisma, now: new Date(approvedAt - DAY / 2) },
  );
}

async function approve(
  r: { id: string; state: string; requiresSecurityReview: boolean },
  reviewer: Actor,
  sam: Actor,
  ctx: (at: number) => { db: PrismaClient; now: Date },
  approvedAt: number,
) {
  if (r.state !== 'COMPLIANCE_REVIEW') return; // fast-tracked: approved at once, recorded as automatic
  const compliance = await decideChangeRequest(
    { actor: reviewer, input: { id: r.id, decision: 'APPROVED', comment: 'Business need confirmed with the owner.' } },
    ctx(approvedAt - (r.requiresSecurityReview ? 12 * HOUR : 0)),
  );
  if (compliance.state === 'SECURITY_REVIEW')
    await decideChangeRequest(
      { actor: sam, input: { id: r.id, decision: 'APPROVED', comment: 'Permissions and declared egress reviewed.' } },
      ctx(approvedAt),
    );
}
