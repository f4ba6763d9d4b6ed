import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { connectorFor } from '@/lib/registries/registry-connectors';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { notFound } from '@/lib/server/errors';

/** Asks the registry for one cheap answer; the outcome is audited (who probed what, and when). */
export async function testRegistryConnection(actor: Actor, id: string): Promise<{ ok: boolean; detail: string }> {
  const prisma = await getPrisma();
  const registry = await prisma.registry.findUnique({ where: { id } });
  if (!registry) throw notFound('Registry');
  const connector = connectorFor(registry.kind);
  const result = connector
    ? await connector.testConnection({ baseUrl: registry.baseUrl, config: (registry.config ?? {}) as Record<string, unknown>, since: null, signal: AbortSignal.timeout(20_000), fetch })
    : ({ ok: false, error: `No connector for ${registry.kind}` } as const);
  const outcome = result.ok ? { ok: true, detail: result.detail } : { ok: false, detail: result.error };
  await prisma.$transaction((tx) => recordAuditEvent(tx, actor, { action: 'registry.connectionTested', entityType: 'Registry', entityId: id, after: outcome }));
  return outcome;
}
