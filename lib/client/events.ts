/**
 * An invocation event as agents send it (shared/ARCHITECTURE.md §5): snake_case, `sha256:` hashes,
 * `permissions_used` as `dimension:level` in the registry's vocabulary. `event_id` makes a resend
 * idempotent: the batcher gives every event one before it is first sent.
 */
export interface InvocationEvent {
  event_id?: string;
  timestamp: string;
  agent_id: string;
  tool_name: string;
  tool_version: string;
  tool_trust_level?: 'gold' | 'verified' | 'partial' | 'unverified' | 'failed';
  tool_publisher?: string;
  input_schema_hash?: string;
  output_schema_hash?: string;
  execution_duration_ms: number;
  input_size_bytes?: number;
  output_size_bytes?: number;
  permissions_used: string[];
  data_classification: 'public' | 'internal' | 'confidential' | 'restricted';
  result_status: 'success' | 'error' | 'timeout' | 'denied';
  /** Extra context ToolLedger keeps when it knows the field and ignores otherwise. */
  [extra: string]: unknown;
}

/** ToolLedger's answer to a batch: what it stored, what it already had, each refused line. */
export interface IngestAnswer {
  accepted: number;
  duplicates: number;
  rejected: { line: number; issues: { path: string; message: string }[] }[];
}

export function isIngestAnswer(body: unknown): body is IngestAnswer {
  const b = body as IngestAnswer | null;
  return !!b && typeof b.accepted === 'number' && Array.isArray(b.rejected);
}
