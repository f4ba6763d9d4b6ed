import { z } from 'zod';
import { zText } from '@/lib/validation/text';
import { highestUsed, parsePermissionUsed, type HighestUsed, type PermissionUsed } from './permissions-used';

/**
 * One invocation event exactly as agents send it (shared/ARCHITECTURE.md §5): snake_case fields,
 * `sha256:` hashes, lower-case vocabulary. Unknown fields are ignored, so an agent that sends more
 * than we read is not refused; every field we read is checked.
 */
const ZHash = zText()
  .regex(/^sha256:[0-9a-fA-F]{64}$/, 'must be "sha256:" followed by 64 hex digits')
  .transform((s) => s.toLowerCase());
const ZName = (max: number) => zText().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const ZCount = (max: number) => z.number().int('must be a whole number').min(0, 'must not be negative').max(max);

export const TRUST_LEVELS = ['gold', 'verified', 'partial', 'unverified', 'failed'] as const;
export const DATA_CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;
export const RESULT_STATUSES = ['success', 'error', 'timeout', 'denied'] as const;
export const MAX_PERMISSIONS_PER_EVENT = 16;

export const ZWireEvent = z.object({
  event_id: ZName(200)
    .regex(/^[\w.:@/+-]+$/, 'may hold letters, digits and . _ : @ / + - only')
    .optional(),
  timestamp: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone' }),
  agent_id: ZName(200),
  tool_name: ZName(300),
  tool_version: ZName(100),
  tool_trust_level: z.enum(TRUST_LEVELS).optional(),
  tool_publisher: ZName(200).optional(),
  input_schema_hash: ZHash.optional(),
  output_schema_hash: ZHash.optional(),
  execution_duration_ms: ZCount(24 * 60 * 60 * 1000),
  input_size_bytes: ZCount(2 ** 31 - 1).optional(),
  output_size_bytes: ZCount(2 ** 31 - 1).optional(),
  permissions_used: z
    .array(zText().max(40))
    .max(MAX_PERMISSIONS_PER_EVENT, `must list at most ${MAX_PERMISSIONS_PER_EVENT} permissions`),
  data_classification: z.enum(DATA_CLASSIFICATIONS),
  result_status: z.enum(RESULT_STATUSES),
});

export type TWireEvent = z.infer<typeof ZWireEvent>;

/** An event that passed every check, in the stored vocabulary. */
export interface ValidEvent extends HighestUsed {
  eventId: string | null;
  occurredAt: Date;
  agentName: string;
  toolName: string;
  toolVersion: string;
  trustLevel: string | null;
  publisher: string | null;
  inputSchemaHash: string | null;
  outputSchemaHash: string | null;
  durationMs: number;
  inputSizeBytes: number | null;
  outputSizeBytes: number | null;
  permissionsUsed: string[];
  dataClassification: 'PUBLIC' | 'INTERNAL' | 'CONFIDENTIAL' | 'RESTRICTED';
  resultStatus: 'SUCCESS' | 'ERROR' | 'TIMEOUT' | 'DENIED';
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** The wire event in the stored vocabulary, or the problems with its permissions. */
export function toValidEvent(e: TWireEvent): ValidEvent | FieldIssue[] {
  const used: PermissionUsed[] = [];
  const issues: FieldIssue[] = [];
  e.permissions_used.forEach((text, i) => {
    const parsed = parsePermissionUsed(text);
    if ('error' in parsed) issues.push({ path: `permissions_used.${i}`, message: parsed.error });
    else used.push(parsed);
  });
  if (issues.length) return issues;
  return {
    eventId: e.event_id ?? null,
    // Stored with millisecond precision; the hash is computed over what the database keeps.
    occurredAt: new Date(Date.parse(e.timestamp)),
    agentName: e.agent_id,
    toolName: e.tool_name,
    toolVersion: e.tool_version,
    trustLevel: e.tool_trust_level ?? null,
    publisher: e.tool_publisher ?? null,
    inputSchemaHash: e.input_schema_hash ?? null,
    outputSchemaHash: e.output_schema_hash ?? null,
    durationMs: e.execution_duration_ms,
    inputSizeBytes: e.input_size_bytes ?? null,
    outputSizeBytes: e.output_size_bytes ?? null,
    permissionsUsed: e.permissions_used,
    ...highestUsed(used),
    dataClassification: e.data_classification.toUpperCase() as ValidEvent['dataClassification'],
    resultStatus: e.result_status.toUpperCase() as ValidEvent['resultStatus'],
  };
}
