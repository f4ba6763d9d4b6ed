import 'server-only';
import { getPrisma } from '@/lib/db/client';

/** Every key with what people need to manage it; never the hash. */
export async function listApiKeys() {
  const prisma = await getPrisma();
  const rows = await prisma.apiKey.findMany({
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    take: 500,
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      agent: { select: { id: true, name: true } },
      createdBy: { select: { name: true, email: true } },
    },
  });
  const now = Date.now();
  return rows.map((k) => ({ ...k, expired: k.expiresAt !== null && k.expiresAt.getTime() <= now }));
}

export type ApiKeyListItem = Awaited<ReturnType<typeof listApiKeys>>[number];
