import 'server-only';
import { z } from 'zod';
import { withBulkArgs } from '@/lib/db/bulk-args';
import { env } from '@/lib/env';
import type { Subject, SubjectUse } from '@/lib/domain/invocations/alert-drafts';
import {
  BatchTooLarge,
  parseEventBatchInSteps,
  type BatchRules,
  type ParsedBatch,
  type RejectedLine,
} from '@/lib/domain/invocations/parse-batch';
import type { ValidEvent } from '@/lib/domain/invocations/wire-event';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError, forbidden } from '@/lib/server/errors';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { INVOCATION_CHAIN_LOCK, invocationChainHead, type ChainHead } from './chain-head';
import { chainDraftRows, COPY_INVOCATION_EVENTS, draftRow, eventContent, type DraftRow } from './invocation-rows';
import { ownKeysAfter, rememberOwnBatch } from './own-batches';
import { raiseInvocationAlerts } from './raise-invocation-alerts';
import { resolveSubjects, subjectKey } from './resolve-subjects';
import { eventKey, firstInBatch, storedEventKeys, storedEventKeysAfter } from './stored-event-ids';

export const ZIngestInvocationEventsInput = z.object({
  /** The request body as text (NDJSON, or one JSON event when `single`). */
  body: z.string(),
  single: z.boolean(),
});
export type TIngestInvocationEventsInput = z.infer<typeof ZIngestInvocationEventsInput>;

export interface IngestResult {
  /** Non-blank lines in the body. */
  received: number;
  /** Stored now. */
  accepted: number;
  /** Lines whose event_id this agent had sent before (or earlier in the batch): stored once. */
  duplicates: number;
  rejected: RejectedLine[];
  /** Chain positions of the stored events (null when nothing was stored). */
  firstSeq: string | null;
  lastSeq: string | null;
  alertsRaised: number;
}

/** Machines ingest: a key with the ingest scope, or the system (demo seed). People never do. */
function assertCanIngest(actor: Actor): void {
  if (actor.type === 'SYSTEM') return;
  if (actor.type === 'API_KEY' && actor.scopes.includes('INGEST')) return;
  throw forbidden('Only an API key with the ingest scope may send invocation events');
}

/**
 * POST /api/v1/events: validates every line on its own, then stores the valid ones: duplicates
 * dropped (event_id per agent, also across batches), subjects resolved and linked to their latest
 * enforcement decision, then in one transaction under the chain lock the hashes chained in process,
 * one COPY of the rows (lib/db/copy-from-stdin.ts), alerts for unknown subjects and unapproved
 * use, one audit record for the batch. A refused line never costs the others.
 */
export async function ingestInvocationEvents(
  { actor, input }: OperationCall<TIngestInvocationEventsInput>,
  ctx?: OperationContextInput,
): Promise<IngestResult> {
  const { db, now } = await operationContext(ctx);
  assertCanIngest(actor);
  const { body, single } = parseInput(ZIngestInvocationEventsInput, input);
  const boundAgentName =
    actor.type === 'API_KEY' && actor.agentId
      ? ((await db.agent.findUnique({ where: { id: actor.agentId }, select: { name: true } }))?.name ?? null)
      : null;
  let parsed;
  try {
    parsed = await parseGivingWay(body, single, { now, retentionDays: env().TOOLLEDGER_EVENTS_RETENTION_DAYS, boundAgentName });
  } catch (err) {
    if (err instanceof BatchTooLarge) throw new AppError(413, 'batch_too_large', err.message);
    throw err;
  }
  const result: IngestResult = {
    received: parsed.lines,
    accepted: 0,
    duplicates: 0,
    rejected: parsed.rejected,
    firstSeq: null,
    lastSeq: null,
    alertsRaised: 0,
  };
  if (parsed.valid.length === 0) return result;

  const apiKeyId = actor.type === 'API_KEY' ? actor.id : null;
  // Before the chain lock, so that another batch is written meanwhile: everything that does not
  // depend on the chain's end (the partition, the subjects, the ids stored so far, the row text).
  const candidates = firstInBatch(parsed.valid.map((v) => v.event));
  await db.$queryRawUnsafe(`SELECT toolledger_invocation_partition_ensure($1::timestamp)`, now.toISOString());
  const [subjects, stored] = await Promise.all([
    resolveSubjects(db, subjectTriples(candidates), now),
    storedEventKeys(db, candidates),
  ]);
  // Only the drafts stay from here on (invocation-rows.ts says why), and whether the client named the id.
  let pending: { draft: DraftRow; clientId: boolean }[] = [];
  for (const event of candidates) {
    if (event.eventId !== null && stored.keys.has(eventKey(event.agentName, event.eventId))) continue;
    const draft = draftRow(eventContent(event, subjectOf(subjects, event), now, apiKeyId));
    pending.push({ draft, clientId: event.eventId !== null });
    if (pending.length % LINES_PER_STEP === 0) await giveWay();
  }
  const validCount = parsed.valid.length;
  result.duplicates = validCount - pending.length;
  if (pending.length === 0) return result;

  const written = await db.$transaction(
    async (tx): Promise<WrittenBatch | null> => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${INVOCATION_CHAIN_LOCK})`);
      const head = await invocationChainHead(tx);
      // Batches that went first since the look above may have stored some of these ids.
      if (head.seq > stored.upTo) {
        // This process's own batches when they are all there is to look at (no query under the lock).
        const late = ownKeysAfter(stored.upTo, head) ?? [
          await storedEventKeysAfter(
            tx,
            pending.filter((p) => p.clientId).map((p) => p.draft),
            stored.upTo,
          ),
        ];
        pending = pending.filter(
          ({ draft: d, clientId }) => !clientId || !late.some((keys) => keys.has(eventKey(d.agentName, d.eventId))),
        );
        result.duplicates = validCount - pending.length;
        if (pending.length === 0) return null;
      }
      const drafts = pending.map((p) => p.draft);
      const chained = chainDraftRows(drafts, head);
      // By handle: the COPY text is megabytes, and Prisma's engine would copy it twice on the way.
      await withBulkArgs([chained.data], ([data]) => tx.$executeRawUnsafe(COPY_INVOCATION_EVENTS, data));
      result.accepted = drafts.length;
      result.firstSeq = chained.firstSeq.toString();
      result.lastSeq = chained.lastSeq.toString();
      result.alertsRaised = await raiseInvocationAlerts(tx, actor, subjectUses(drafts, subjects, chained.firstSeq));
      await recordAuditEvent(tx, actor, {
        action: 'invocation.batchIngested',
        entityType: 'InvocationEvent',
        entityId: `${result.firstSeq}-${result.lastSeq}`,
        after: {
          accepted: result.accepted,
          duplicates: result.duplicates,
          rejected: result.rejected.length,
          firstSeq: result.firstSeq,
          lastSeq: result.lastSeq,
          lastHash: chained.lastHash,
        },
      });
      return { before: head, last: { seq: chained.lastSeq, hash: chained.lastHash }, drafts };
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
  if (written) rememberBatch(written);
  return result;
}

/**
 * Parsing and drafting a full batch take the event loop for a tenth of a second or more; done in
 * steps of this many lines with a pause between, they let another batch's transaction go on
 * meanwhile: a batch holding the chain lock whose COPY has just finished would otherwise wait
 * behind the whole of another batch's parse before it commits and lets the next one in.
 */
const LINES_PER_STEP = 500;
const giveWay = () => new Promise<void>((resolve) => setImmediate(resolve));

async function parseGivingWay(body: string, single: boolean, rules: BatchRules): Promise<ParsedBatch> {
  const steps = parseEventBatchInSteps(body, single, rules, LINES_PER_STEP);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await giveWay();
  }
}

interface WrittenBatch {
  before: ChainHead;
  last: ChainHead;
  drafts: readonly DraftRow[];
}

/** Committed: its keys for the next batches' check under the lock (own-batches.ts). */
function rememberBatch({ before, last, drafts }: WrittenBatch) {
  rememberOwnBatch({ before, last, keys: new Set(drafts.map((d) => eventKey(d.agentName, d.eventId))) });
}

const subjectOf = (subjects: Map<string, Subject>, e: ValidEvent) =>
  subjects.get(subjectKey(e.agentName, e.toolName, e.toolVersion))!;

function subjectTriples(events: readonly ValidEvent[]) {
  const triples = new Map<string, { agent: string; tool: string; version: string }>();
  for (const e of events)
    triples.set(subjectKey(e.agentName, e.toolName, e.toolVersion), {
      agent: e.agentName,
      tool: e.toolName,
      version: e.toolVersion,
    });
  return [...triples.values()];
}

/** Each (agent, tool, version) of the stored rows once, with its first position and count, for the alerts. */
function subjectUses(drafts: readonly DraftRow[], subjects: Map<string, Subject>, firstSeq: bigint): SubjectUse[] {
  const uses = new Map<string, SubjectUse>();
  drafts.forEach((c, i) => {
    const key = subjectKey(c.agentName, c.toolName, c.toolVersion);
    const use = uses.get(key);
    if (use) use.events++;
    else
      uses.set(key, {
        agent: c.agentName,
        tool: c.toolName,
        version: c.toolVersion,
        subject: subjects.get(key)!,
        firstSeq: firstSeq + BigInt(i),
        eventId: c.eventId,
        events: 1,
      });
  });
  return [...uses.values()];
}
