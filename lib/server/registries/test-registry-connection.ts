import 'server-only';
import { connectorFor } from '@/lib/registries/registry-connectors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError, notFound } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZRegistryIdInput, type TRegistryIdInput } from '@/lib/validation/registry';
import { connectorConfig } from './registry-api-key';
import { registryFetch } from './registry-network-policy';

/** Asks the registry for one cheap answer; the outcome is audited (who probed what, and when). */
export async function testRegistryConnection(
  { actor, input }: OperationCall<TRegistryIdInput>,
  ctx?: OperationContextInput,
): Promise<{ ok: boolean; detail: string }> {
  const { db } = await operationContext(ctx);
  const { id } = authorize(actor, 'registry:manage', ZRegistryIdInput, input);
  const registry = await db.registry.findUnique({ where: { id } });
  if (!registry) throw notFound('Registry');
  const connector = connectorFor(registry.kind);
  let result: { ok: true; detail: string } | { ok: false; error: string };
  try {
    result = connector
      ? await connector.testConnection({
          baseUrl: registry.baseUrl,
          config: connectorConfig(registry),
          since: null,
          signal: AbortSignal.timeout(20_000),
          fetch: registryFetch(registry),
        })
      : { ok: false, error: `No connector for ${registry.kind}` };
  } catch (e) {
    // A key that cannot be opened (env var unset, secret key changed) is an answer, not a crash.
    if (!(e instanceof AppError)) throw e;
    result = { ok: false, error: e.message };
  }
  const outcome = result.ok ? { ok: true, detail: result.detail } : { ok: false, detail: result.error };
  await db.$transaction((tx) =>
    recordAuditEvent(tx, actor, { action: 'registry.connectionTested', entityType: 'Registry', entityId: id, after: outcome }),
  );
  return outcome;
}
