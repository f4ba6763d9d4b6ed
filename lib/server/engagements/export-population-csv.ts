import 'server-only';
import { stringify } from 'csv-stringify/sync';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZListPopulationInput, type TListPopulationInput } from '@/lib/validation/engagement';
import { loadEngagementFor } from './engagement-access';
import { POPULATION_SOURCES } from './populations';
import { populationScope } from './populations/scope';

const BATCH = 500;
const safeCell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/**
 * The whole filtered population as CSV, streamed in batches (a long period never sits in memory
 * at once). The download is an audit event, for every role, written before the first byte.
 */
export async function exportPopulationCsv(
  { actor, input }: OperationCall<TListPopulationInput>,
  ctx?: OperationContextInput,
): Promise<ReadableStream<Uint8Array>> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'engagement:read');
  const { engagementId, population, page: _page, ...filter } = parseInput(ZListPopulationInput, input);
  const engagement = await loadEngagementFor(db, actor, engagementId, now);
  const source = POPULATION_SOURCES[population];
  const scope = populationScope(engagement, filter);
  await db.$transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: 'engagement.downloaded',
      entityType: 'AuditEngagement',
      entityId: engagementId,
      after: { file: `${population}.csv`, filter },
    }),
  );
  const encoder = new TextEncoder();
  let skip = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(stringify([['id', ...source.columns.map((c) => c.key), 'flag']])));
        return;
      }
      const { rows } = await source.find(db, scope, { skip, take: BATCH });
      skip += rows.length;
      if (rows.length > 0)
        controller.enqueue(
          encoder.encode(
            stringify(rows.map((r) => [r.id, ...source.columns.map((c) => safeCell(r.cells[c.key] ?? '')), r.flag ?? ''])),
          ),
        );
      if (rows.length < BATCH) controller.close();
    },
  });
}
