import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { withAdvisoryLock } from '@/lib/db/advisory-lock';
import type { Database } from '@/lib/db/driver';
import { isDemoMode } from '@/lib/env';
import { bootstrapFirstAdmin } from './bootstrap-first-admin';
import { DEMO_EMAILS, refuseDemoLeftovers } from './demo-leftovers';

/**
 * What a start does after the database is open and migrated (instrumentation.ts, db:reset):
 * outside demo mode it refuses demo accounts and keys; then reference data, the first admin
 * from the environment, and (demo mode, first start) the demo data. It lives here, not in
 * lib/db, so that opening the database never reaches lib/demo or lib/server (which import
 * lib/db: the cycle issue 10 names). Safe to run on every start and from several instances.
 */
export async function prepareInstance(ctx: { db: PrismaClient }): Promise<void> {
  const { db } = ctx;
  const demo = isDemoMode();
  if (!demo) await refuseDemoLeftovers(db);
  const { seedDemoData, seedReferenceData } = await import('@/lib/demo/seed');
  await seedReferenceData(db);
  await bootstrapFirstAdmin({ db });
  if (demo && (await db.user.count({ where: { email: { in: DEMO_EMAILS } } })) === 0) await seedDemoData(db);
}

// Any constant works; it only has to be the same for every instance.
const STARTUP_LOCK = 4_242_047;

/**
 * prepareInstance with several instances starting at once on one PostgreSQL database: one
 * prepares, the others wait and then find it done (one first admin, one demo seed).
 */
export function prepareInstanceExclusively(database: Database): Promise<void> {
  return withAdvisoryLock(database, STARTUP_LOCK, () => prepareInstance({ db: database.prisma }));
}
