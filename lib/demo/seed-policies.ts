import type { PrismaClient } from '@prisma/client';
import { DEFAULT_POLICIES } from '@/lib/domain/policy/defaults';
import { ENVIRONMENTS } from '@/lib/domain/types';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { SYSTEM_ACTOR } from '@/lib/server/actor';

/** Reference data for every installation: version 1 of each environment's default policy. */
export async function seedPolicies(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const environment of ENVIRONMENTS) {
      const exists = await tx.policy.findFirst({ where: { environment }, select: { id: true } });
      if (exists) continue;
      const policy = await tx.policy.create({
        data: { environment, version: 1, ...DEFAULT_POLICIES[environment], changeNote: 'Default policy shipped with ToolLedger' },
      });
      await recordAuditEvent(tx, SYSTEM_ACTOR, {
        action: 'policy.created',
        entityType: 'Policy',
        entityId: policy.id,
        after: policy,
      });
    }
  });
}
