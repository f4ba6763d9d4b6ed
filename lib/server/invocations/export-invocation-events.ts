import 'server-only';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { EVENT_CSV_COLUMNS, toCsvCells, toPublicEvent } from '@/lib/domain/invocations/public-record';
import { eventToOcsf } from '@/lib/domain/ocsf/api-activity';
import { auditorWindows } from '@/lib/server/engagements/auditor-scope';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZInvocationFilter } from '@/lib/validation/invocation-filter';
import { assertCanReadEvents } from './assert-can-read-events';
import { readInvocationPage } from './list-invocation-events';

export const ZExportInvocationEventsInput = ZInvocationFilter.extend({
  /** ocsf: NDJSON of OCSF 1.3.0 API Activity records (lib/domain/ocsf). */
  format: z.enum(['ndjson', 'csv', 'ocsf'], { error: 'Use ndjson, csv or ocsf' }),
});
export type TExportInvocationEventsInput = z.infer<typeof ZExportInvocationEventsInput>;

const BATCH = 1000;

/**
 * Every event the filter matches, newest first, as NDJSON, CSV or OCSF NDJSON, streamed one keyset page at a
 * time: memory stays flat however many events match. The download is an audit record, written
 * before the first byte leaves.
 */
export async function exportInvocationEvents(
  { actor, input }: OperationCall<TExportInvocationEventsInput>,
  ctx?: OperationContextInput,
): Promise<ReadableStream<Uint8Array>> {
  const { db, now } = await operationContext(ctx);
  assertCanReadEvents(actor, 'invocation:export');
  const { format, ...filter } = parseInput(ZExportInvocationEventsInput, input);
  // An auditor downloads only their open audits' events, as the explorer shows them (ADR 0010).
  const windows = await auditorWindows(db, actor, now);
  await db.$transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: 'invocation.exported',
      entityType: 'InvocationEvent',
      entityId: format,
      after: { format, filter },
    }),
  );
  const encoder = new TextEncoder();
  let before: string | undefined;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started && format === 'csv') controller.enqueue(encoder.encode(stringify([EVENT_CSV_COLUMNS as string[]])));
        started = true;
        if (done) return controller.close();
        const page = await readInvocationPage(db, { ...filter, before, limit: BATCH }, windows);
        const records = page.rows.map(toPublicEvent);
        const lines = format === 'ocsf' ? records.map(eventToOcsf) : records;
        const text =
          format === 'csv'
            ? stringify(records.map(toCsvCells))
            : lines.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
        if (text) controller.enqueue(encoder.encode(text));
        before = page.nextBefore ?? undefined;
        if (!page.nextBefore) done = true;
      } catch (err) {
        controller.error(err);
      }
    },
  });
}
