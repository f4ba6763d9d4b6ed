import type { PrismaClient } from '@prisma/client';
import { isDemoMode } from '@/lib/env';

/**
 * First start: an empty database gets the demo data (demo mode) or nothing but the
 * reference data. Runs on every start and does nothing once users exist.
 */
export async function bootstrapData(prisma: PrismaClient): Promise<void> {
  const users = await prisma.user.count();
  if (users > 0) return;
  if (isDemoMode()) {
    const { seedDemoData } = await import('@/lib/demo/seed');
    await seedDemoData(prisma);
  } else {
    const { seedReferenceData } = await import('@/lib/demo/seed');
    await seedReferenceData(prisma);
  }
}
