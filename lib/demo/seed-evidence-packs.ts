import type { PrismaClient } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { requestEvidencePackBuild } from '@/lib/server/evidence/builds/request-evidence-pack-build';

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * An evidence pack for the demo audit, requested by Carla through the real operation: the last
 * 30 days up to yesterday. The pack runner builds it once the app has started, so /evidence and
 * the audit's page show a signed pack to download and verify.
 */
export async function seedEvidencePacks(prisma: PrismaClient): Promise<void> {
  if ((await prisma.evidencePackBuild.count()) > 0) return;
  const [carla, engagement] = await Promise.all([
    prisma.user.findUnique({ where: { email: 'compliance@toolledger.local' } }),
    prisma.auditEngagement.findFirst({ orderBy: { createdAt: 'asc' }, select: { id: true } }),
  ]);
  if (!carla) return;
  const actor: Actor = { type: 'USER', id: carla.id, label: carla.email, role: carla.role };
  const now = Date.now();
  await requestEvidencePackBuild(
    {
      actor,
      input: { from: day(now - 30 * DAY_MS), to: day(now - DAY_MS), engagementId: engagement?.id },
    },
    { db: prisma },
  );
}
