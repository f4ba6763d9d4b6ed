import { isPermissionUsed } from './permissions-used';
import { DATA_CLASSIFICATIONS, MAX_PERMISSIONS_PER_EVENT, RESULT_STATUSES, TRUST_LEVELS, type TWireEvent } from './wire-event';

// Printable ASCII that starts and ends with a visible character: no control character, no lone
// surrogate, nothing a trim would change.
const PLAIN_TEXT = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;
const EVENT_ID = /^[\w.:@/+-]{1,200}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LOWER_HASH = /^sha256:[0-9a-f]{64}$/;
const TRUST = new Set<unknown>(TRUST_LEVELS);
const CLASSIFICATIONS = new Set<unknown>(DATA_CLASSIFICATIONS);
const STATUSES = new Set<unknown>(RESULT_STATUSES);

const plainText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max && PLAIN_TEXT.test(v);
const count = (v: unknown, max: number): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;

/**
 * The common event, checked without zod: what ZWireEvent would give for it, or null for anything
 * out of the ordinary (a field missing, null, padded, non-ASCII, a timestamp not in
 * `toISOString()` form…), which then goes through ZWireEvent and gets its precise errors.
 * Ingest checks events by the ten thousand and ZWireEvent's chain of refinements cost more than
 * the rest of parsing; the property test in plain-wire-event.test.ts holds this to ZWireEvent:
 * whatever it accepts, ZWireEvent accepts with the same result.
 */
export function plainWireEvent(e: Record<string, unknown>): TWireEvent | null {
  const { event_id, timestamp, agent_id, tool_name, tool_version, permissions_used } = e;
  if (event_id !== undefined && !(typeof event_id === 'string' && EVENT_ID.test(event_id))) return null;
  if (!(typeof timestamp === 'string' && ISO_UTC.test(timestamp))) return null;
  // The shape alone admits 2026-02-30; the date's own text must come back unchanged.
  const at = Date.parse(timestamp);
  if (Number.isNaN(at) || new Date(at).toISOString() !== timestamp) return null;
  if (!plainText(agent_id, 200) || !plainText(tool_name, 300) || !plainText(tool_version, 100)) return null;
  if (e.tool_trust_level !== undefined && !TRUST.has(e.tool_trust_level)) return null;
  if (e.tool_publisher !== undefined && !plainText(e.tool_publisher, 200)) return null;
  if (e.input_schema_hash !== undefined && !(typeof e.input_schema_hash === 'string' && LOWER_HASH.test(e.input_schema_hash)))
    return null;
  if (e.output_schema_hash !== undefined && !(typeof e.output_schema_hash === 'string' && LOWER_HASH.test(e.output_schema_hash)))
    return null;
  if (!count(e.execution_duration_ms, 24 * 60 * 60 * 1000)) return null;
  if (e.input_size_bytes !== undefined && !count(e.input_size_bytes, 2 ** 31 - 1)) return null;
  if (e.output_size_bytes !== undefined && !count(e.output_size_bytes, 2 ** 31 - 1)) return null;
  if (!Array.isArray(permissions_used) || permissions_used.length > MAX_PERMISSIONS_PER_EVENT) return null;
  for (const p of permissions_used) if (typeof p !== 'string' || !isPermissionUsed(p)) return null;
  if (!CLASSIFICATIONS.has(e.data_classification) || !STATUSES.has(e.result_status)) return null;

  const out: Record<string, unknown> = {};
  // ZWireEvent's output: its fields in its order, the optional ones only when sent.
  if (event_id !== undefined) out.event_id = event_id;
  out.timestamp = timestamp;
  out.agent_id = agent_id;
  out.tool_name = tool_name;
  out.tool_version = tool_version;
  if (e.tool_trust_level !== undefined) out.tool_trust_level = e.tool_trust_level;
  if (e.tool_publisher !== undefined) out.tool_publisher = e.tool_publisher;
  if (e.input_schema_hash !== undefined) out.input_schema_hash = e.input_schema_hash;
  if (e.output_schema_hash !== undefined) out.output_schema_hash = e.output_schema_hash;
  out.execution_duration_ms = e.execution_duration_ms;
  if (e.input_size_bytes !== undefined) out.input_size_bytes = e.input_size_bytes;
  if (e.output_size_bytes !== undefined) out.output_size_bytes = e.output_size_bytes;
  out.permissions_used = [...(permissions_used as string[])];
  out.data_classification = e.data_classification;
  out.result_status = e.result_status;
  return out as TWireEvent;
}
