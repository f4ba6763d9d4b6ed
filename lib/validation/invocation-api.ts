import { z } from 'zod';
import { zText } from './text';

/** Response shapes of the invocation event API, as lib/openapi documents them. */
const ZIssue = z.object({ path: zText(), message: zText() });

export const ZIngestResponse = z.object({
  received: z.number().int().describe('Non-blank lines in the body'),
  accepted: z.number().int().describe('Events stored now'),
  duplicates: z.number().int().describe('Lines whose event_id this agent sent before (or earlier in the batch): stored once'),
  rejected: z
    .array(z.object({ line: z.number().int().min(1), error: zText(), issues: z.array(ZIssue) }))
    .describe('Each refused line with its 1-based number and the precise reason'),
  firstSeq: zText().nullable().describe('Chain position of the first stored event'),
  lastSeq: zText().nullable(),
  alertsRaised: z.number().int(),
});

export const ZPublicEvent = z.object({
  seq: zText(),
  event_id: zText(),
  timestamp: zText(),
  received_at: zText(),
  agent_id: zText(),
  tool_name: zText(),
  tool_version: zText(),
  tool_trust_level: zText().nullable(),
  tool_publisher: zText().nullable(),
  input_schema_hash: zText().nullable(),
  output_schema_hash: zText().nullable(),
  execution_duration_ms: z.number().int(),
  input_size_bytes: z.number().int().nullable(),
  output_size_bytes: z.number().int().nullable(),
  permissions_used: z.array(zText()),
  data_classification: zText(),
  result_status: zText(),
  approval: z.enum(['allowed', 'no_allow', 'denied', 'unknown_subject']),
  decision_id: zText().nullable(),
  prev_hash: zText(),
  hash: zText(),
});

export const ZEventPage = z.object({
  events: z.array(ZPublicEvent),
  next_cursor: zText().nullable().describe('Send back as `before` for the next (older) page; null on the last page'),
});

export const ZChainReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstSeq: zText().nullable(),
  lastSeq: zText().nullable(),
  anchor: z.object({ kind: z.enum(['previous-record', 'retention-anchor', 'genesis']), seq: zText(), hash: zText() }),
  break: z
    .object({ seq: zText(), eventId: zText(), kind: z.enum(['prev-mismatch', 'hash-mismatch']), index: z.number().int() })
    .passthrough()
    .optional(),
  /** Signed chain checkpoints the walk was compared with, and the first one the chain no longer matches. */
  checkpoints: z.object({ checked: z.number().int() }).optional(),
  checkpointProblem: z
    .object({
      kind: z.enum(['unknown-key', 'bad-signature', 'missing-records', 'rewritten']),
      checkpoint: z.object({ id: zText(), createdAt: zText(), eventSeq: zText().nullable() }).passthrough(),
    })
    .optional(),
  alertId: zText().optional(),
});
