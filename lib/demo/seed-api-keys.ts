import type { PrismaClient } from '@prisma/client';
import { createApiKey } from '@/lib/server/api-keys/create-api-key';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import type { Actor } from '@/lib/server/actor';
import { DEMO_API_KEYS } from './demo-api-keys';

export { DEMO_API_KEYS };

const DAY = 86_400_000;

/** Demo mode only (lib/server/startup/prepare-instance.ts): one key per scope with the documented secrets, and demo exceptions. */
export async function seedApiKeys(prisma: PrismaClient): Promise<void> {
  const admin = await prisma.user.findFirst({ where: { role: 'ADMIN' }, orderBy: { createdAt: 'asc' } });
  if (!admin) return;
  const actor = { type: 'USER' as const, id: admin.id, label: admin.email, role: admin.role };
  for (const scope of ['ENFORCE', 'INGEST', 'READ'] as const) {
    const secret = DEMO_API_KEYS[scope];
    const exists = await prisma.apiKey.findFirst({
      where: { prefix: secret.slice(0, secret.lastIndexOf('_') + 7) },
      select: { id: true },
    });
    if (!exists)
      await createApiKey({ actor, input: { name: `Demo ${scope.toLowerCase()} key`, scopes: [scope] } }, { secret, db: prisma });
  }
  await seedDemoExceptions(prisma);
}

/** Two approved exceptions and one expired, over tools whose latest version misses a policy, so the compliance matrix shows coverage. */
async function seedDemoExceptions(prisma: PrismaClient): Promise<void> {
  if ((await prisma.policyException.count()) > 0) return;
  const [requester, approver] = await Promise.all([
    prisma.user.findFirst({ where: { role: 'COMPLIANCE_OFFICER' }, orderBy: { email: 'asc' } }),
    prisma.user.findFirst({ where: { role: 'SECURITY_REVIEWER' } }),
  ]);
  if (!requester || !approver) return;
  const candidates = await prisma.tool.findMany({
    where: { latestVersionId: { not: null }, tier: { in: ['VERIFIED', 'PARTIAL'] } },
    orderBy: { name: 'asc' },
    take: 3,
    select: { id: true, name: true, latestVersionId: true },
  });
  const now = Date.now();
  const plans = [
    {
      env: 'PRODUCTION',
      rules: ['min-tier'],
      versionScoped: true,
      expiresAt: new Date(now + 90 * DAY),
      why: 'Needed for the support workflow until the publisher reaches Gold.',
    },
    {
      env: 'STAGING',
      rules: ['min-tier', 'verification-fresh'],
      versionScoped: false,
      expiresAt: new Date(now + 30 * DAY),
      why: 'Staging evaluation of a replacement candidate.',
    },
    {
      env: 'PRODUCTION',
      rules: ['min-tier'],
      versionScoped: true,
      expiresAt: new Date(now - 10 * DAY),
      why: 'Temporary use during a migration (expired).',
    },
  ] as const;
  const actor: Actor = { type: 'USER', id: approver.id, label: approver.email, role: approver.role };
  await prisma.$transaction(async (tx) => {
    for (const [i, tool] of candidates.entries()) {
      const plan = plans[i]!;
      const exception = await tx.policyException.create({
        data: {
          rules: [...plan.rules],
          toolId: tool.id,
          toolVersionId: plan.versionScoped ? tool.latestVersionId : null,
          environment: plan.env,
          justification: plan.why,
          compensatingControls: 'Egress restricted to the vendor API; invocations reviewed weekly.',
          remediationPlan: `Replace ${tool.name} or wait for a Gold-tier release.`,
          remediationDate: new Date(plan.expiresAt.getTime() - 7 * DAY),
          expiresAt: plan.expiresAt,
          status: 'APPROVED',
          requestedById: requester.id,
          approvedById: approver.id,
          approvedAt: new Date(now - 20 * DAY),
        },
      });
      await recordAuditEvent(tx, actor, {
        action: 'exception.approved',
        entityType: 'PolicyException',
        entityId: exception.id,
        after: exception,
      });
    }
  });
}
