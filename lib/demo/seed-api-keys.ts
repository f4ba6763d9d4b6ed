import type { PrismaClient } from '@prisma/client';
import { createApiKey } from '@/lib/server/api-keys/create-api-key';
import { DEMO_API_KEYS } from './demo-api-keys';

export { DEMO_API_KEYS };

/** Demo mode only (lib/server/startup/prepare-instance.ts): one key per scope with the documented secrets. */
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
}
