import 'server-only';
import type { InvocationEvent } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { auditorWindows, type AuditWindow } from '@/lib/server/engagements/auditor-scope';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZInvocationListInput, type TInvocationListInput } from '@/lib/validation/invocation-filter';
import { assertCanReadEvents } from './assert-can-read-events';
import { cursorOf, invocationWhere, parseCursor } from './invocation-query';

export type InvocationRow = InvocationEvent;

/** Reads one keyset page; the downloads call it page after page, so memory stays flat. */
export async function readInvocationPage(
  db: Awaited<ReturnType<typeof operationContext>>['db'],
  input: ReturnType<typeof ZInvocationListInput.parse>,
  windows: AuditWindow[] | null = null,
): Promise<{ rows: InvocationRow[]; nextBefore: string | null }> {
  const { before, limit, ...filter } = input;
  const where = invocationWhere(filter, parseCursor(before), windows);
  const found = await db.$queryRawUnsafe<InvocationRow[]>(
    `SELECT * FROM "InvocationEvent" ${where.sql} ORDER BY "occurredAt" DESC, seq DESC LIMIT ${limit + 1}`,
    ...where.params,
  );
  const rows = found.slice(0, limit);
  return { rows, nextBefore: found.length > limit ? cursorOf(rows.at(-1)!) : null };
}

/** The explorer and GET /api/v1/events: newest event time first, filtered, in keyset pages. */
export async function listInvocationEvents(
  { actor, input }: OperationCall<TInvocationListInput>,
  ctx?: OperationContextInput,
): Promise<{ rows: InvocationRow[]; nextBefore: string | null }> {
  const { db, now } = await operationContext(ctx);
  assertCanReadEvents(actor as Actor, 'invocation:read');
  // An auditor reads only their open audits' periods and environments (ADR 0010).
  return readInvocationPage(db, parseInput(ZInvocationListInput, input), await auditorWindows(db, actor, now));
}
