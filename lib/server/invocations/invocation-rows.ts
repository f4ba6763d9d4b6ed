import { hash as digest, randomUUID } from 'node:crypto';
import { copyNumber, copyText, copyTextArray, copyTimestamp } from '@/lib/db/copy-text';
import type { Subject } from '@/lib/domain/invocations/alert-drafts';
import { approvalOf } from '@/lib/domain/invocations/approval';
import { canonicalEventJson, type ChainedEventContent } from '@/lib/domain/invocations/event-hash';
import type { ValidEvent } from '@/lib/domain/invocations/wire-event';
import type { ChainHead } from './chain-head';

/** Everything an event row holds but its chain position and links. */
export type EventContent = Omit<ChainedEventContent, 'seq'>;

// Every column of the content, in COPY order, with its text-format encoder. The mapped type makes
// the compiler refuse a column of the hash that would not be written (or one written unhashed).
export const CONTENT_COLUMNS = {
  receivedAt: copyTimestamp,
  eventId: copyText,
  occurredAt: copyTimestamp,
  agentName: copyText,
  agentId: copyText,
  toolName: copyText,
  toolId: copyText,
  toolVersion: copyText,
  toolVersionId: copyText,
  trustLevel: copyText,
  publisher: copyText,
  inputSchemaHash: copyText,
  outputSchemaHash: copyText,
  durationMs: copyNumber,
  inputSizeBytes: copyNumber,
  outputSizeBytes: copyNumber,
  permissionsUsed: copyTextArray,
  networkUsed: copyText,
  filesystemUsed: copyText,
  codeExecutionUsed: copyText,
  dataAccessUsed: copyText,
  dataClassification: copyText,
  resultStatus: copyText,
  approval: copyText,
  decisionId: copyText,
  apiKeyId: copyText,
} satisfies { [K in keyof EventContent]-?: (value: EventContent[K]) => string };
const CONTENT_KEYS = Object.keys(CONTENT_COLUMNS) as (keyof EventContent)[];

/** The stored row of a valid event: what the agent said, plus what the inventory and the enforcement log say. */
export function eventContent(e: ValidEvent, subject: Subject, now: Date, apiKeyId: string | null): EventContent {
  return {
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
}

/** seq first and the two links last: the only fields known only under the chain lock. */
export const COPY_INVOCATION_EVENTS = `COPY "InvocationEvent" (seq, ${CONTENT_KEYS.map((c) => `"${c}"`).join(', ')}, "prevHash", hash) FROM STDIN`;

/**
 * A row prepared before the chain lock: its COPY fields but seq and the links, and its canonical
 * JSON (lib/domain/canonical-json.ts over eventHashContent) cut around the value of seq, so that
 * under the lock chaining a row is one sha256 and one string join. Of the content it keeps only
 * what the batch reads after the lock (alerts, duplicate keys): a batch waits for the lock for
 * hundreds of milliseconds, and the event and content objects of its 5,000 rows, kept that long,
 * were copied by every young-generation GC meanwhile.
 */
export interface DraftRow {
  agentName: string;
  toolName: string;
  toolVersion: string;
  /** As stored: the client's event_id or the one made up for it. */
  eventId: string;
  fields: string;
  beforeSeq: string;
  afterSeq: string;
}

/** canonicalJson(eventHashContent(row)) with seq written as "0" (the one literal of lib/domain). */
function canonicalWithSeqZero(c: EventContent, t: RowTimes): string {
  return canonicalEventJson(c, '0', t.receivedAt, t.occurredAt);
}

// Quotes inside values are escaped in JSON, so this text occurs once: at the key.
const SEQ_KEY = ',"seq":"';

/**
 * The content's COPY fields in CONTENT_COLUMNS order, written out: mapping over the table's keys
 * cost twice as much (measured), and this runs for every event. The unit test holds the two equal.
 */
function copyFields(c: EventContent, t: RowTimes): string {
  return [
    t.receivedAt,
    copyText(c.eventId),
    t.occurredAt,
    copyText(c.agentName),
    copyText(c.agentId),
    copyText(c.toolName),
    copyText(c.toolId),
    copyText(c.toolVersion),
    copyText(c.toolVersionId),
    copyText(c.trustLevel),
    copyText(c.publisher),
    copyText(c.inputSchemaHash),
    copyText(c.outputSchemaHash),
    copyNumber(c.durationMs),
    copyNumber(c.inputSizeBytes),
    copyNumber(c.outputSizeBytes),
    copyTextArray(c.permissionsUsed),
    copyText(c.networkUsed),
    copyText(c.filesystemUsed),
    copyText(c.codeExecutionUsed),
    copyText(c.dataAccessUsed),
    copyText(c.dataClassification),
    copyText(c.resultStatus),
    copyText(c.approval),
    copyText(c.decisionId),
    copyText(c.apiKeyId),
  ].join('\t');
}

/** The row's two times as ISO text, each written once for the COPY field and the hash. */
interface RowTimes {
  receivedAt: string;
  occurredAt: string;
}

// toISOString was the costliest call of drafting (four per row); a batch shares one receivedAt.
let lastReceived: { at: number; text: string } = { at: NaN, text: '' };
function receivedText(d: Date): string {
  const at = d.getTime();
  if (at !== lastReceived.at) lastReceived = { at, text: d.toISOString() };
  return lastReceived.text;
}

export function draftRow(content: EventContent): DraftRow {
  const times = { receivedAt: receivedText(content.receivedAt), occurredAt: content.occurredAt.toISOString() };
  const fields = copyFields(content, times);
  const json = canonicalWithSeqZero(content, times);
  const cut = json.indexOf(SEQ_KEY) + SEQ_KEY.length;
  return {
    agentName: content.agentName,
    toolName: content.toolName,
    toolVersion: content.toolVersion,
    eventId: content.eventId,
    fields,
    beforeSeq: json.slice(0, cut),
    afterSeq: json.slice(cut + 1),
  };
}

export interface ChainedRows {
  /** The rows in COPY text format, for COPY_INVOCATION_EVENTS. */
  data: string;
  firstSeq: bigint;
  lastSeq: bigint;
  lastHash: string;
}

/**
 * Gives the drafts the next chain positions after `head` and links each to the one before:
 * hash = sha256(prevHash + "\n" + canonical content), exactly eventHash() of the full row.
 */
export function chainDraftRows(drafts: readonly DraftRow[], head: ChainHead): ChainedRows {
  let seq = head.seq;
  let prevHash = head.hash;
  const lines: string[] = new Array(drafts.length);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    seq += 1n;
    const position = seq.toString();
    const hash = digest('sha256', `${prevHash}\n${d.beforeSeq}${position}${d.afterSeq}`, 'hex');
    lines[i] = `${position}\t${d.fields}\t${prevHash}\t${hash}\n`;
    prevHash = hash;
  }
  return { data: lines.join(''), firstSeq: head.seq + 1n, lastSeq: seq, lastHash: prevHash };
}
