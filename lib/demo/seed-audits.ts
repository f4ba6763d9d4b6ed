import type { PrismaClient } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { AUDIT_CRITERIA } from '@/lib/domain/audits/populations';
import { createEngagement } from '@/lib/server/engagements/create-engagement';

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A demo audit open to the demo auditor, created by Carla through the real operation: the
 * last 90 days, every environment and criterion, access open from yesterday for a year. The
 * auditor's pages outside the portal need an open audit (ADR 0010).
 */
export async function seedAudits(prisma: PrismaClient): Promise<void> {
  if ((await prisma.auditEngagement.count()) > 0) return;
  const [carla, audrey] = await Promise.all(
    ['compliance@toolledger.local', 'auditor@toolledger.local'].map((email) => prisma.user.findUnique({ where: { email } })),
  );
  if (!carla || !audrey) return;
  const actor: Actor = { type: 'USER', id: carla.id, label: carla.email, role: carla.role };
  const now = Date.now();
  await createEngagement(
    {
      actor,
      input: {
        name: 'SOC 2 Type II readiness (demo)',
        firm: 'Example Assurance LLP',
        periodFrom: day(now - 90 * DAY_MS),
        periodTo: day(now),
        environments: ['PRODUCTION', 'STAGING', 'DEVELOPMENT'],
        criteria: [...AUDIT_CRITERIA],
        accessOpens: day(now - DAY_MS),
        accessCloses: day(now + 365 * DAY_MS),
        auditorIds: [audrey.id],
      },
    },
    { db: prisma },
  );
}
