import 'server-only';
import { Prisma } from '@prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { badRequest, notFound } from '@/lib/server/errors';
import type { TCreateRegistryInput, TUpdateRegistryInput } from '@/lib/validation/registry';

// Checked first for a clean message; the unique index still decides a race (its error, via
// either driver adapter, is mapped the same way).
function nameTaken(e: unknown): boolean {
  return (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') || (e instanceof Error && /unique/i.test(e.message) && /name/i.test(e.message));
}

const taken = (name: string) => badRequest(`A registry named “${name}” already exists`, [{ path: 'name', message: 'This name is taken' }]);

export async function createRegistry(actor: Actor, input: TCreateRegistryInput) {
  const prisma = await getPrisma();
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.registry.findUnique({ where: { name: input.name } })) throw taken(input.name);
      const row = await tx.registry.create({ data: { name: input.name, kind: input.kind, baseUrl: input.baseUrl, config: input.config as Prisma.InputJsonValue, enabled: input.enabled } });
      await recordAuditEvent(tx, actor, { action: 'registry.created', entityType: 'Registry', entityId: row.id, after: { name: row.name, kind: row.kind, baseUrl: row.baseUrl, enabled: row.enabled, config: input.config } });
      return row;
    });
  } catch (e) {
    throw nameTaken(e) ? taken(input.name) : e;
  }
}

/** Edits name, URL, settings and enabled state. Changing the URL drops the resume cursor (it belonged to the old source). */
export async function updateRegistry(actor: Actor, input: TUpdateRegistryInput) {
  const prisma = await getPrisma();
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.registry.findUnique({ where: { id: input.id } });
      if (!before) throw notFound('Registry');
      const clash = await tx.registry.findUnique({ where: { name: input.name } });
      if (clash && clash.id !== input.id) throw taken(input.name);
      const row = await tx.registry.update({
        where: { id: input.id },
        data: {
          name: input.name,
          baseUrl: input.baseUrl,
          config: input.config as Prisma.InputJsonValue,
          enabled: input.enabled,
          ...(before.baseUrl !== input.baseUrl ? { syncCursor: null } : {}),
        },
      });
      await recordAuditEvent(tx, actor, {
        action: before.enabled !== row.enabled ? (row.enabled ? 'registry.enabled' : 'registry.disabled') : 'registry.updated',
        entityType: 'Registry',
        entityId: row.id,
        before: { name: before.name, baseUrl: before.baseUrl, enabled: before.enabled, config: before.config },
        after: { name: row.name, baseUrl: row.baseUrl, enabled: row.enabled, config: row.config },
      });
      return row;
    });
  } catch (e) {
    throw nameTaken(e) ? taken(input.name) : e;
  }
}

export async function setRegistryEnabled(actor: Actor, id: string, enabled: boolean) {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const before = await tx.registry.findUnique({ where: { id } });
    if (!before) throw notFound('Registry');
    if (before.enabled === enabled) return before;
    const row = await tx.registry.update({ where: { id }, data: { enabled } });
    await recordAuditEvent(tx, actor, { action: enabled ? 'registry.enabled' : 'registry.disabled', entityType: 'Registry', entityId: id, before: { enabled: before.enabled }, after: { enabled } });
    return row;
  });
}
