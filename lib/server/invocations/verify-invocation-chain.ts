import 'server-only';
import { z } from 'zod';
import { verifyChainOfJson, type ChainBreak } from '@/lib/domain/hash-chain';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { GENESIS_HASH } from '@/lib/domain/hash-chain';
import { assertCanReadEvents } from './assert-can-read-events';
import { latestPurgeAnchor } from './chain-head';
import { eventChainRowJson, readEventChainPage } from './event-chain-pages';
import {
  compareEventCheckpoints,
  eventCheckpoints,
  raiseEventCheckpointAlert,
  type EventCheckpointOutcome,
} from './event-checkpoints';

const MAX_PAGE_ROWS = 1000;

export const ZVerifyInvocationChainInput = z.object({
  /** Period of receipt (server time); open ends check to the chain's start or end. */
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  batchSize: z.number().int().min(2).max(20_000).default(5_000),
});
export type TVerifyInvocationChainInput = z.input<typeof ZVerifyInvocationChainInput>;

export interface InvocationChainReport {
  ok: boolean;
  checked: number;
  firstSeq: string | null;
  lastSeq: string | null;
  /** Where the walk started: the record before the period, the retention anchor, or the genesis hash. */
  anchor: { kind: 'previous-record' | 'retention-anchor' | 'genesis'; seq: string; hash: string };
  /** The first broken link: its chain position and what did not match. */
  break?: ChainBreak & { seq: string; eventId: string };
  /** Signed checkpoints (audit-checkpoint.ts) whose event head the walk covered; the first one the chain no longer matches. */
  checkpoints?: { checked: number };
  checkpointProblem?: EventCheckpointOutcome['problem'];
  alertId?: string;
}

/**
 * Recomputes the invocation chain over a period in seq order, in batches (memory stays flat),
 * and names the first broken link. A break raises one critical alert per broken position: the
 * detection is the system's, whoever asked for the check (auditors may verify).
 */
export async function verifyInvocationChain(
  { actor, input }: OperationCall<TVerifyInvocationChainInput>,
  ctx?: OperationContextInput,
): Promise<InvocationChainReport> {
  const { db } = await operationContext(ctx);
  assertCanReadEvents(actor, 'audit:verify');
  const { from, to, batchSize } = parseInput(ZVerifyInvocationChainInput, input);
  const period = { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) };
  const first = await db.invocationEvent.findFirst({
    where: { receivedAt: period },
    orderBy: { seq: 'asc' },
    select: { seq: true },
  });
  const anchor = await anchorBefore(db, first?.seq ?? null);
  const checkpoints = await eventCheckpoints(db);
  const wanted = new Set(checkpoints.map((c) => c.eventSeq!.toString()));
  const hashAt = new Map<bigint, string>();
  let prev = anchor.hash;
  let after = first ? first.seq - 1n : BigInt(anchor.seq);
  let checked = 0;
  let lastSeq: bigint | null = null;
  for (;;) {
    // Through the raw driver, each row's columns as the text the hash covers: Prisma's findMany
    // cost three quarters of the walk over a million events (converting every column to a value
    // canonicalJson then turned back into text).
    // At most 1,000 rows a read whatever batchSize asks: each page is one JSON text built in
    // PGlite's WASM heap, which never shrinks (5,000 rows took it from 174 to 209 MiB for good).
    const batch = await readEventChainPage(db, after, { from, to }, Math.min(batchSize, MAX_PAGE_ROWS));
    if (batch.length === 0) break;
    const result = verifyChainOfJson(batch, eventChainRowJson, prev);
    if (!result.ok) {
      const broken = batch[result.break.index]!;
      const report: InvocationChainReport = {
        ok: false,
        checked: checked + result.break.index,
        firstSeq: first?.seq.toString() ?? null,
        lastSeq: broken.seq,
        anchor,
        break: { ...result.break, seq: broken.seq, eventId: broken.eventId },
      };
      return { ...report, alertId: await raiseBrokenChainAlert(db, report) };
    }
    for (const r of batch) if (wanted.has(r.seq)) hashAt.set(BigInt(r.seq), r.hash);
    checked += batch.length;
    prev = result.lastHash;
    after = BigInt(batch.at(-1)!.seq);
    lastSeq = after;
  }
  const report = { ok: true, checked, firstSeq: first?.seq.toString() ?? null, lastSeq: lastSeq?.toString() ?? null, anchor };
  const signed = await compareEventCheckpoints(db, checkpoints, {
    hashAt,
    firstSeq: first?.seq ?? null,
    lastSeq,
    toEnd: to === undefined,
  });
  if (!signed.problem) return { ...report, checkpoints: { checked: signed.checked } };
  return {
    ...report,
    ok: false,
    checkpoints: { checked: signed.checked },
    checkpointProblem: signed.problem,
    alertId: await raiseEventCheckpointAlert(db, signed.problem),
  };
}

async function anchorBefore(
  db: Awaited<ReturnType<typeof operationContext>>['db'],
  firstSeq: bigint | null,
): Promise<InvocationChainReport['anchor']> {
  if (firstSeq !== null) {
    const previous = await db.invocationEvent.findFirst({
      where: { seq: { lt: firstSeq } },
      orderBy: { seq: 'desc' },
      select: { seq: true, hash: true },
    });
    if (previous) return { kind: 'previous-record', seq: previous.seq.toString(), hash: previous.hash };
  }
  const purged = await latestPurgeAnchor(db);
  if (purged) return { kind: 'retention-anchor', seq: purged.seq.toString(), hash: purged.hash };
  return { kind: 'genesis', seq: '0', hash: GENESIS_HASH };
}

async function raiseBrokenChainAlert(
  db: Awaited<ReturnType<typeof operationContext>>['db'],
  report: InvocationChainReport,
): Promise<string> {
  const b = report.break!;
  const dedupeKey = `invocation-chain-broken:${b.seq}`;
  return db.$transaction(async (tx) => {
    const existing = await tx.alert.findUnique({ where: { dedupeKey }, select: { id: true } });
    if (existing) return existing.id;
    const alert = await tx.alert.create({
      data: {
        kind: 'invocation-chain-broken',
        severity: 'CRITICAL',
        title: `Invocation event chain broken at seq ${b.seq}`,
        dedupeKey,
        detail: {
          seq: b.seq,
          eventId: b.eventId,
          kind: b.kind,
          explanation:
            b.kind === 'hash-mismatch'
              ? 'the record no longer hashes to the value stored when it arrived: it was changed after it was written'
              : 'the record does not point at the record before it: a record was removed or inserted',
          ...(b.kind === 'hash-mismatch'
            ? { expected: b.expectedHash, stored: b.actualHash }
            : { expected: b.expectedPrev, stored: b.actualPrev }),
        },
      },
      select: { id: true, kind: true, severity: true, title: true },
    });
    await recordAuditEvent(tx, SYSTEM_ACTOR, { action: 'alert.raised', entityType: 'Alert', entityId: alert.id, after: alert });
    return alert.id;
  });
}
