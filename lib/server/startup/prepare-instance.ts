import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { isDemoMode } from '@/lib/env';

/**
 * What a start does after the database is open and migrated (instrumentation.ts, db:reset):
 * an empty database gets the demo data (demo mode) or the reference data and the first admin.
 * It lives here, not in lib/db, so that opening the database never reaches lib/demo or
 * lib/server (which themselves import lib/db: the cycle issue 10 names). Does nothing once
 * users exist.
 */
export async function prepareInstance(ctx: { db: PrismaClient }): Promise<void> {
  const { db } = ctx;
  if ((await db.user.count()) > 0) return;
  const { seedDemoData, seedReferenceData } = await import('@/lib/demo/seed');
  if (isDemoMode()) await seedDemoData(db);
  else await seedReferenceData(db);
}
