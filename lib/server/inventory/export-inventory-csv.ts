import 'server-only';
import { stringify } from 'csv-stringify/sync';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { auditorToolScope } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZInventoryQuery, type CursorValue, type TInventoryQueryInput } from '@/lib/validation/inventory';
import { cursorOf, readKeysetPage } from './inventory-keyset';
import { inventoryWhere, searchedPublisherIds, type InventoryRowBase } from './inventory-where';

const BATCH = 1000;

export const INVENTORY_CSV_COLUMNS = [
  'id',
  'name',
  'external_id',
  'kind',
  'registry',
  'publisher',
  'publisher_trust',
  'latest_version',
  'tier',
  'trust_score',
  'network',
  'filesystem',
  'code_execution',
  'data_access',
  'verification_state',
  'last_verified_at',
  'owner',
  'data_classification',
  'updated_at',
] as const;

/** Spreadsheet apps run cells that start with these as formulas (CSV injection): prefix a quote. */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function toRecord(t: InventoryRowBase): string[] {
  return [
    t.id,
    t.name,
    t.externalId,
    t.kind,
    t.registry.name,
    t.publisher.name,
    t.publisher.trustLevel,
    t.latestVersionName ?? '',
    t.tier,
    t.trustScore === null ? '' : String(t.trustScore),
    t.network,
    t.filesystem,
    t.codeExecution,
    t.dataAccess,
    t.verificationState,
    t.lastVerifiedAt?.toISOString() ?? '',
    t.owner ?? '',
    t.dataClassification,
    t.updatedAt.toISOString(),
  ].map(safeCell);
}

/**
 * Every tool the list's filter matches (all pages, the list's order), as CSV, streamed in
 * batches so 10,000 tools never sit in memory at once. Page and page size are ignored.
 */
export async function exportInventoryCsv(
  { actor, input }: OperationCall<TInventoryQueryInput>,
  ctx?: OperationContextInput,
): Promise<ReadableStream<Uint8Array>> {
  const { db: prisma, now } = await operationContext(ctx);
  assertActorCan(actor, 'inventory:export');
  const query = parseInput(ZInventoryQuery, input);
  // Every download is an audit event, whoever downloads (issue 14 point 5), written before the first byte.
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: 'inventory.exported',
      entityType: 'Inventory',
      entityId: 'csv',
      after: { filter: query },
    }),
  );
  const encoder = new TextEncoder();
  // An auditor sees the tools in use in their open audits' environments and periods (ADR 0010).
  const scope = await auditorToolScope(prisma, actor, now);
  const filtered = inventoryWhere(query, await searchedPublisherIds(prisma, query), now);
  const where = scope ? { AND: [filtered, scope] } : filtered;
  // Batches by keyset, like the list's pages: an OFFSET batch near the end of 100,000 tools would
  // read every tool before it again.
  let cursor: CursorValue[] | undefined;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(stringify([[...INVENTORY_CSV_COLUMNS]])));
          return;
        }
        const { rows } = await readKeysetPage(prisma, where, query, { cursor, take: BATCH });
        if (rows.length) cursor = cursorOf(query, rows[rows.length - 1]!);
        if (rows.length) controller.enqueue(encoder.encode(stringify(rows.map(toRecord))));
        if (rows.length < BATCH) controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
  });
}
