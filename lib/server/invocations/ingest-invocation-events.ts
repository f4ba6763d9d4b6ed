import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import { z } from 'zod';
import { env } from '@/lib/env';
import { approvalOf } from '@/lib/domain/invocations/approval';
import type { SubjectUse } from '@/lib/domain/invocations/alert-drafts';
import { eventHash, type ChainedEventContent } from '@/lib/domain/invocations/event-hash';
import { BatchTooLarge, parseEventBatch, type RejectedLine } from '@/lib/domain/invocations/parse-batch';
import type { ValidEvent } from '@/lib/domain/invocations/wire-event';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError, forbidden } from '@/lib/server/errors';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { INVOCATION_CHAIN_LOCK, invocationChainHead } from './chain-head';
import { raiseInvocationAlerts } from './raise-invocation-alerts';
import { resolveSubjects, subjectKey } from './resolve-subjects';

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

// One statement for the whole batch: the rows travel as one JSON parameter, which PostgreSQL
// and PGlite both expand with jsonb_to_recordset (no parameter-count limit, no per-row round trip).
const COLUMNS = [
  ['seq', 'bigint'],
  ['receivedAt', 'timestamp'],
  ['eventId', 'text'],
  ['occurredAt', 'timestamp'],
  ['agentName', 'text'],
  ['agentId', 'text'],
  ['toolName', 'text'],
  ['toolId', 'text'],
  ['toolVersion', 'text'],
  ['toolVersionId', 'text'],
  ['trustLevel', 'text'],
  ['publisher', 'text'],
  ['inputSchemaHash', 'text'],
  ['outputSchemaHash', 'text'],
  ['durationMs', 'integer'],
  ['inputSizeBytes', 'integer'],
  ['outputSizeBytes', 'integer'],
  ['permissionsUsed', 'text[]'],
  ['networkUsed', 'text', 'NetworkLevel'],
  ['filesystemUsed', 'text', 'FilesystemLevel'],
  ['codeExecutionUsed', 'text', 'CodeExecutionLevel'],
  ['dataAccessUsed', 'text', 'DataAccessLevel'],
  ['dataClassification', 'text', 'DataClassification'],
  ['resultStatus', 'text', 'InvocationResult'],
  ['approval', 'text', 'InvocationApproval'],
  ['decisionId', 'text'],
  ['apiKeyId', 'text'],
  ['prevHash', 'text'],
  ['hash', 'text'],
] as const;
const INSERT = `INSERT INTO "InvocationEvent" (${COLUMNS.map(([c]) => `"${c}"`).join(', ')})
SELECT ${COLUMNS.map(([c, , e]) => (e ? `r."${c}"::"${e}"` : `r."${c}"`)).join(', ')}
  FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS.map(([c, t]) => `"${c}" ${t}`).join(', ')})`;

const SEEN = `SELECT e."agentName", e."eventId" FROM "InvocationEvent" e
  JOIN jsonb_to_recordset($1::jsonb) AS k(agent text, id text) ON e."agentName" = k.agent AND e."eventId" = k.id`;

type Row = ChainedEventContent & { prevHash: string; hash: string };

/**
 * POST /api/v1/events: validates every line on its own, then stores the valid ones in one
 * transaction under the chain lock: duplicates dropped (event_id per agent, also across
 * batches), subjects resolved and linked to their latest enforcement decision, hashes chained in
 * process, one multi-row insert, alerts for unknown subjects and unapproved use, one audit
 * record for the batch. A refused line never costs the others.
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
    parsed = parseEventBatch(body, single, { now, retentionDays: env().TOOLLEDGER_EVENTS_RETENTION_DAYS, boundAgentName });
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
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${INVOCATION_CHAIN_LOCK})`);
      const fresh = await dropDuplicates(
        tx,
        parsed.valid.map((v) => v.event),
      );
      result.duplicates = parsed.valid.length - fresh.length;
      if (fresh.length === 0) return;
      await tx.$queryRawUnsafe(`SELECT toolledger_invocation_partition_ensure($1::timestamp)`, now.toISOString());
      const triples = new Map<string, { agent: string; tool: string; version: string }>();
      for (const e of fresh)
        triples.set(subjectKey(e.agentName, e.toolName, e.toolVersion), {
          agent: e.agentName,
          tool: e.toolName,
          version: e.toolVersion,
        });
      const subjects = await resolveSubjects(tx, [...triples.values()], now);

      const head = await invocationChainHead(tx);
      let prevHash = head.hash;
      let seq = head.seq;
      const uses = new Map<string, SubjectUse>();
      const rows: Row[] = fresh.map((e) => {
        seq += 1n;
        const key = subjectKey(e.agentName, e.toolName, e.toolVersion);
        const subject = subjects.get(key)!;
        const content: ChainedEventContent = {
          seq,
          receivedAt: now,
          eventId: e.eventId ?? randomUUID(),
          occurredAt: e.occurredAt,
          agentName: e.agentName,
          agentId: subject.agentId,
          toolName: e.toolName,
          toolId: subject.toolId,
          toolVersion: e.toolVersion,
          toolVersionId: subject.toolVersionId,
          trustLevel: e.trustLevel,
          publisher: e.publisher,
          inputSchemaHash: e.inputSchemaHash,
          outputSchemaHash: e.outputSchemaHash,
          durationMs: e.durationMs,
          inputSizeBytes: e.inputSizeBytes,
          outputSizeBytes: e.outputSizeBytes,
          permissionsUsed: e.permissionsUsed,
          networkUsed: e.network,
          filesystemUsed: e.filesystem,
          codeExecutionUsed: e.codeExecution,
          dataAccessUsed: e.dataAccess,
          dataClassification: e.dataClassification,
          resultStatus: e.resultStatus,
          approval: approvalOf({
            agentKnown: subject.agentId !== null,
            versionKnown: subject.toolVersionId !== null,
            latestDecision: subject.decision?.outcome ?? null,
          }),
          decisionId: subject.decision?.id ?? null,
          apiKeyId,
        };
        const hash = eventHash(prevHash, content);
        const row = { ...content, prevHash, hash };
        prevHash = hash;
        const use = uses.get(key);
        if (use) use.events++;
        else
          uses.set(key, {
            agent: e.agentName,
            tool: e.toolName,
            version: e.toolVersion,
            subject,
            firstSeq: seq,
            eventId: content.eventId,
            events: 1,
          });
        return row;
      });
      await tx.$executeRawUnsafe(
        INSERT,
        JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)),
      );
      result.accepted = rows.length;
      result.firstSeq = rows[0]!.seq.toString();
      result.lastSeq = rows.at(-1)!.seq.toString();
      result.alertsRaised = await raiseInvocationAlerts(tx, actor, [...uses.values()]);
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
          lastHash: prevHash,
        },
      });
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
  return result;
}

/** The events whose (agent, event_id) is new: not stored before, and first in this batch. */
async function dropDuplicates(tx: Prisma.TransactionClient, events: readonly ValidEvent[]): Promise<ValidEvent[]> {
  const withId = events.filter((e) => e.eventId !== null).map((e) => ({ agent: e.agentName, id: e.eventId }));
  const seen = new Set(
    withId.length
      ? (await tx.$queryRawUnsafe<{ agentName: string; eventId: string }[]>(SEEN, JSON.stringify(withId))).map((r) =>
          subjectKey(r.agentName, r.eventId, ''),
        )
      : [],
  );
  return events.filter((e) => {
    if (e.eventId === null) return true;
    const key = subjectKey(e.agentName, e.eventId, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
