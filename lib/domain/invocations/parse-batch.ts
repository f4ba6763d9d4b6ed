import { plainWireEvent } from './plain-wire-event';
import { ZWireEvent, toValidEvent, type FieldIssue, type ValidEvent } from './wire-event';

/** Limits of one POST /api/v1/events (the OpenAPI document and the README quote them). */
export const INGEST_LIMITS = {
  maxLines: 10_000,
  maxLineBytes: 16 * 1024,
  /** A full batch of the largest lines, plus line breaks. */
  maxBodyBytes: 10_000 * 2 * 1024 + 10_000,
  /** Clocks drift; an event further ahead than this is refused. */
  maxFutureMs: 5 * 60 * 1000,
} as const;

export interface RejectedLine {
  line: number;
  error: string;
  issues: FieldIssue[];
}

export interface ParsedBatch {
  /** Non-blank lines seen. */
  lines: number;
  valid: { line: number; event: ValidEvent }[];
  rejected: RejectedLine[];
}

export interface BatchRules {
  now: Date;
  /** Events older than this are outside the retention window. */
  retentionDays: number;
  /** A key bound to an agent may only send that agent's events. */
  boundAgentName: string | null;
}

export class BatchTooLarge extends Error {}

const reject = (line: number, issues: FieldIssue[]): RejectedLine => ({
  line,
  error: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '),
  issues,
});

/** Byte length without allocating for the common short line. */
function byteLength(text: string): number {
  if (text.length * 3 <= INGEST_LIMITS.maxLineBytes) return text.length;
  return new TextEncoder().encode(text).length;
}

/**
 * Splits a body into events and checks each on its own: one bad line never costs the others.
 * `single` is a body sent as application/json: one event, possibly pretty-printed (line 1).
 * Throws BatchTooLarge when the batch has more lines than allowed (nothing is kept then).
 */
export function parseEventBatch(body: string, single: boolean, rules: BatchRules): ParsedBatch {
  const steps = parseEventBatchInSteps(body, single, rules, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * parseEventBatch in steps: pauses (yields) after every `linesPerStep` lines, so that a server
 * can give its event loop back between steps (ingest does). The result is the same.
 */
export function* parseEventBatchInSteps(
  body: string,
  single: boolean,
  rules: BatchRules,
  linesPerStep: number,
): Generator<void, ParsedBatch, void> {
  const texts = single ? [body] : body.split('\n');
  const nonBlank = single ? 1 : texts.reduce((n, t) => (t.trim() ? n + 1 : n), 0);
  if (nonBlank > INGEST_LIMITS.maxLines) {
    throw new BatchTooLarge(`The batch has ${nonBlank} events; the limit is ${INGEST_LIMITS.maxLines} per request`);
  }
  const result: ParsedBatch = { lines: 0, valid: [], rejected: [] };
  const oldest = rules.now.getTime() - rules.retentionDays * 24 * 60 * 60 * 1000;
  const newest = rules.now.getTime() + INGEST_LIMITS.maxFutureMs;
  for (let index = 0; index < texts.length; index++) {
    if (index > 0 && index % linesPerStep === 0) yield;
    const raw = texts[index]!;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!text.trim()) continue;
    result.lines++;
    const outcome = parseLine(text, single, rules, oldest, newest);
    if (Array.isArray(outcome)) result.rejected.push(reject(index + 1, outcome));
    else result.valid.push({ line: index + 1, event: outcome });
  }
  return result;
}

/** One non-blank line: its event, or what is wrong with it. */
function parseLine(text: string, single: boolean, rules: BatchRules, oldest: number, newest: number): ValidEvent | FieldIssue[] {
  const size = single ? 0 : byteLength(text);
  if (size > INGEST_LIMITS.maxLineBytes) {
    return [{ path: '', message: `line is ${size} bytes; the limit is ${INGEST_LIMITS.maxLineBytes}` }];
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return [{ path: '', message: `not valid JSON (${(err as Error).message})` }];
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return [{ path: '', message: 'must be one JSON object per line' }];
  }
  let wire = plainWireEvent(json as Record<string, unknown>);
  if (!wire) {
    const parsed = ZWireEvent.safeParse(json);
    if (!parsed.success) return parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    wire = parsed.data;
  }
  const event = toValidEvent(wire);
  if (Array.isArray(event)) return event;
  const problem =
    timeProblem(event.occurredAt.getTime(), oldest, newest, rules) ?? agentProblem(event.agentName, rules.boundAgentName);
  return problem ? [problem] : event;
}

function timeProblem(at: number, oldest: number, newest: number, rules: BatchRules): FieldIssue | null {
  if (at > newest) {
    return { path: 'timestamp', message: `is more than 5 minutes after the server's time (${rules.now.toISOString()})` };
  }
  if (at < oldest) {
    return {
      path: 'timestamp',
      message: `is before the retention window (${rules.retentionDays} days: nothing older than ${new Date(oldest).toISOString()})`,
    };
  }
  return null;
}

function agentProblem(agentName: string, bound: string | null): FieldIssue | null {
  if (bound === null || agentName === bound) return null;
  return { path: 'agent_id', message: `this API key may only send events of agent "${bound}"` };
}
