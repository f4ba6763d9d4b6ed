import 'server-only';
import { Prisma, type Registry } from '@prisma/client';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { badRequest, notFound } from '@/lib/server/errors';
import {
  ZCreateRegistryInput,
  ZSetRegistryEnabledInput,
  ZUpdateRegistryInput,
  type TCreateRegistryInput,
  type TSetRegistryEnabledInput,
  type TUpdateRegistryInput,
} from '@/lib/validation/registry';
import { sealRegistryApiKey } from './registry-api-key';
import { assertRegistryUrlAllowed, isSampleRegistry } from './registry-network-policy';

// Checked first for a clean message; the unique index still decides a race (its error, via
// either driver adapter, is mapped the same way).
function nameTaken(e: unknown): boolean {
  return (
    (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') ||
    (e instanceof Error && /unique/i.test(e.message) && /name/i.test(e.message))
  );
}

const taken = (name: string) =>
  badRequest(`A registry named “${name}” already exists`, [{ path: 'name', message: 'This name is taken' }]);

/**
 * What the audit trail says about the key: how it is kept, never the key (nor its ciphertext).
 * The field name is deliberately not secret-looking, so the redactor keeps it readable.
 */
function keyStorage(row: Pick<Registry, 'apiKeySealed' | 'apiKeyHint'>): string {
  if (!row.apiKeySealed) return 'none';
  return row.apiKeySealed.startsWith('env:') ? row.apiKeySealed : 'encrypted';
}

export async function createRegistry({ actor, input }: OperationCall<TCreateRegistryInput>, ctx?: OperationContextInput) {
  const { db } = await operationContext(ctx);
  const data = authorize(actor, 'registry:manage', ZCreateRegistryInput, input);
  await assertRegistryUrlAllowed(data.baseUrl, data.config);
  const key = data.apiKey ? sealRegistryApiKey(data.apiKey) : null;
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.registry.findUnique({ where: { name: data.name } })) throw taken(data.name);
      const row = await tx.registry.create({
        data: {
          name: data.name,
          kind: data.kind,
          baseUrl: data.baseUrl,
          config: data.config as Prisma.InputJsonValue,
          enabled: data.enabled,
          apiKeySealed: key?.sealed,
          apiKeyHint: key?.hint,
        },
      });
      await recordAuditEvent(tx, actor, {
        action: 'registry.created',
        entityType: 'Registry',
        entityId: row.id,
        after: {
          name: row.name,
          kind: row.kind,
          baseUrl: row.baseUrl,
          enabled: row.enabled,
          config: data.config,
          keyStorage: keyStorage(row),
        },
      });
      return row;
    });
  } catch (e) {
    throw nameTaken(e) ? taken(data.name) : e;
  }
}

/**
 * Edits name, URL, settings, key and enabled state. Changing the URL drops the resume cursor
 * (it belonged to the old source) and the sample-registry mark (an admin-chosen URL is not the
 * bundled sample). An empty key field keeps the stored key.
 */
export async function updateRegistry({ actor, input }: OperationCall<TUpdateRegistryInput>, ctx?: OperationContextInput) {
  const { db } = await operationContext(ctx);
  const data = authorize(actor, 'registry:manage', ZUpdateRegistryInput, input);
  const key = data.apiKey ? sealRegistryApiKey(data.apiKey) : null;
  // The address check resolves DNS: done before the transaction so no lock waits on the network.
  const current = await db.registry.findUnique({ where: { id: data.id }, select: { baseUrl: true } });
  if (current && current.baseUrl !== data.baseUrl) await assertRegistryUrlAllowed(data.baseUrl, data.config);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.registry.findUnique({ where: { id: data.id } });
      if (!before) throw notFound('Registry');
      const keepSample = isSampleRegistry(before.config) && before.baseUrl === data.baseUrl;
      const config = keepSample ? { ...data.config, sample: true } : data.config;
      const clash = await tx.registry.findUnique({ where: { name: data.name } });
      if (clash && clash.id !== data.id) throw taken(data.name);
      const keyChange = key
        ? { apiKeySealed: key.sealed, apiKeyHint: key.hint }
        : data.clearApiKey
          ? { apiKeySealed: null, apiKeyHint: null }
          : {};
      const row = await tx.registry.update({
        where: { id: data.id },
        data: {
          name: data.name,
          baseUrl: data.baseUrl,
          config: config as Prisma.InputJsonValue,
          enabled: data.enabled,
          ...keyChange,
          ...(before.baseUrl !== data.baseUrl ? { syncCursor: null } : {}),
        },
      });
      await recordAuditEvent(tx, actor, {
        action: before.enabled !== row.enabled ? (row.enabled ? 'registry.enabled' : 'registry.disabled') : 'registry.updated',
        entityType: 'Registry',
        entityId: row.id,
        before: {
          name: before.name,
          baseUrl: before.baseUrl,
          enabled: before.enabled,
          config: before.config,
          keyStorage: keyStorage(before),
        },
        after: {
          name: row.name,
          baseUrl: row.baseUrl,
          enabled: row.enabled,
          config: row.config,
          keyStorage: keyStorage(row),
          keyReplaced: Boolean(key),
        },
      });
      return row;
    });
  } catch (e) {
    throw nameTaken(e) ? taken(data.name) : e;
  }
}

export async function setRegistryEnabled({ actor, input }: OperationCall<TSetRegistryEnabledInput>, ctx?: OperationContextInput) {
  const { db } = await operationContext(ctx);
  const { id, enabled } = authorize(actor, 'registry:manage', ZSetRegistryEnabledInput, input);
  return db.$transaction(async (tx) => {
    const before = await tx.registry.findUnique({ where: { id } });
    if (!before) throw notFound('Registry');
    if (before.enabled === enabled) return before;
    const row = await tx.registry.update({ where: { id }, data: { enabled } });
    await recordAuditEvent(tx, actor, {
      action: enabled ? 'registry.enabled' : 'registry.disabled',
      entityType: 'Registry',
      entityId: id,
      before: { enabled: before.enabled },
      after: { enabled },
    });
    return row;
  });
}
