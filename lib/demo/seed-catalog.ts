import type { PrismaClient } from '@prisma/client';

// Filled in by its feature (see lib/demo/seed.ts for the order).
export async function seedCatalog(_prisma: PrismaClient): Promise<void> {}
