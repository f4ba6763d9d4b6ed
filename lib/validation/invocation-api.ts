import { z } from 'zod';

/** Response shapes of the invocation event API, as lib/openapi documents them. */
const ZIssue = z.object({ path: z.string(), message: z.string() });

export const ZIngestResponse = z.object({
  received: z.number().int().describe('Non-blank lines in the body'),
  accepted: z.number().int().describe('Events stored now'),
  duplicates: z.number().int().describe('Lines whose event_id this agent sent before (or earlier in the batch): stored once'),
  rejected: z
    .array(z.object({ line: z.number().int().min(1), error: z.string(), issues: z.array(ZIssue) }))
    .describe('Each refused line with its 1-based number and the precise reason'),
  firstSeq: z.string().nullable().describe('Chain position of the first stored event'),
  lastSeq: z.string().nullable(),
  alertsRaised: z.number().int(),
});

export const ZPublicEvent = z.object({
  seq: z.string(),
  event_id: z.string(),
  timestamp: z.string(),
  received_at: z.string(),
  agent_id: z.string(),
  tool_name: z.string(),
  tool_version: z.string(),
  tool_trust_level: z.string().nullable(),
  tool_publisher: z.string().nullable(),
  input_schema_hash: z.string().nullable(),
  output_schema_hash: z.string().nullable(),
  execution_duration_ms: z.number().int(),
  input_size_bytes: z.number().int().nullable(),
  output_size_bytes: z.number().int().nullable(),
  permissions_used: z.array(z.string()),
  data_classification: z.string(),
  result_status: z.string(),
  approval: z.enum(['allowed', 'no_allow', 'denied', 'unknown_subject']),
  decision_id: z.string().nullable(),
  prev_hash: z.string(),
  hash: z.string(),
});

export const ZEventPage = z.object({
  events: z.array(ZPublicEvent),
  next_cursor: z.string().nullable().describe('Send back as `before` for the next (older) page; null on the last page'),
});

export const ZChainReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstSeq: z.string().nullable(),
  lastSeq: z.string().nullable(),
  anchor: z.object({ kind: z.enum(['previous-record', 'retention-anchor', 'genesis']), seq: z.string(), hash: z.string() }),
  break: z
    .object({ seq: z.string(), eventId: z.string(), kind: z.enum(['prev-mismatch', 'hash-mismatch']), index: z.number().int() })
    .passthrough()
    .optional(),
  alertId: z.string().optional(),
});
