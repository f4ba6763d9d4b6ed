import 'server-only';
import type { AllowlistEntry } from '@prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { badRequest, conflict, notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import { ZAllowlistEntryInput, ZRevokeAllowlistEntryInput, type TAllowlistEntryInput } from '@/lib/validation/change-request';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { requirePerson } from './acting-user';

/** Pre-approves a tool for one environment: its requests skip manual review when every policy rule passes. */
export async function addAllowlistEntry({ actor, input }: { actor: Actor; input: TAllowlistEntryInput }): Promise<AllowlistEntry> {
  assertActorCan(actor, 'allowlist:manage');
  const person = requirePerson(actor);
  const data = ZAllowlistEntryInput.parse(input);
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const tool = await tx.tool.findUnique({ where: { id: data.toolId }, select: { id: true, name: true } });
    if (!tool) throw badRequest(`Unknown tool: ${data.toolId}`, [{ path: 'toolId', message: `Unknown tool: ${data.toolId}` }]);
    const existing = await tx.allowlistEntry.findUnique({ where: { toolId_environment: { toolId: tool.id, environment: data.environment } } });
    if (existing && !existing.revokedAt) throw conflict(`${tool.name} is already on the ${ENVIRONMENT_LABELS[data.environment]} allowlist`);
    const entry = existing
      ? await tx.allowlistEntry.update({ where: { id: existing.id }, data: { revokedAt: null, note: data.note, createdById: person.id, createdAt: new Date() } })
      : await tx.allowlistEntry.create({ data: { toolId: tool.id, environment: data.environment, note: data.note, createdById: person.id } });
    await recordAuditEvent(tx, actor, { action: 'allowlist.added', entityType: 'AllowlistEntry', entityId: entry.id, after: { tool: tool.name, environment: data.environment, note: data.note } });
    return entry;
  });
}

export async function revokeAllowlistEntry({ actor, input }: { actor: Actor; input: { id: string } }): Promise<AllowlistEntry> {
  assertActorCan(actor, 'allowlist:manage');
  requirePerson(actor);
  const { id } = ZRevokeAllowlistEntryInput.parse(input);
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const moved = await tx.allowlistEntry.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (moved.count !== 1) {
      if (!(await tx.allowlistEntry.findUnique({ where: { id } }))) throw notFound('Allowlist entry');
      throw conflict('The entry was already removed');
    }
    const entry = await tx.allowlistEntry.findUniqueOrThrow({ where: { id } });
    await recordAuditEvent(tx, actor, { action: 'allowlist.removed', entityType: 'AllowlistEntry', entityId: id, before: { toolId: entry.toolId, environment: entry.environment }, after: { revokedAt: entry.revokedAt } });
    return entry;
  });
}

/** Current (unrevoked) entries with tool names, by environment then tool. */
export async function listAllowlist() {
  const prisma = await getPrisma();
  const entries = await prisma.allowlistEntry.findMany({ where: { revokedAt: null }, orderBy: [{ environment: 'asc' }, { createdAt: 'asc' }] });
  const tools = await prisma.tool.findMany({ where: { id: { in: entries.map((e) => e.toolId) } }, select: { id: true, name: true, tier: true } });
  const users = await prisma.user.findMany({ where: { id: { in: entries.map((e) => e.createdById) } }, select: { id: true, name: true } });
  return entries.map((e) => ({
    ...e,
    toolName: tools.find((t) => t.id === e.toolId)?.name ?? e.toolId,
    toolTier: tools.find((t) => t.id === e.toolId)?.tier ?? null,
    createdByName: users.find((u) => u.id === e.createdById)?.name ?? 'unknown user',
  }));
}
