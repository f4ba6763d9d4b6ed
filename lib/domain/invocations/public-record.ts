/** A stored event as the public API, the downloads and the detail view show it: the agent's own field names, plus what the server added. */
export interface StoredEventFields {
  seq: bigint;
  receivedAt: Date;
  eventId: string;
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
  dataClassification: string;
  resultStatus: string;
  approval: string;
  decisionId: string | null;
  prevHash: string;
  hash: string;
}

export function toPublicEvent(e: StoredEventFields) {
  return {
    seq: e.seq.toString(),
    event_id: e.eventId,
    timestamp: e.occurredAt.toISOString(),
    received_at: e.receivedAt.toISOString(),
    agent_id: e.agentName,
    tool_name: e.toolName,
    tool_version: e.toolVersion,
    tool_trust_level: e.trustLevel,
    tool_publisher: e.publisher,
    input_schema_hash: e.inputSchemaHash,
    output_schema_hash: e.outputSchemaHash,
    execution_duration_ms: e.durationMs,
    input_size_bytes: e.inputSizeBytes,
    output_size_bytes: e.outputSizeBytes,
    permissions_used: e.permissionsUsed,
    data_classification: e.dataClassification.toLowerCase(),
    result_status: e.resultStatus.toLowerCase(),
    approval: e.approval.toLowerCase(),
    decision_id: e.decisionId,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

export type PublicEvent = ReturnType<typeof toPublicEvent>;

export const EVENT_CSV_COLUMNS = Object.keys(
  toPublicEvent({
    seq: 0n,
    receivedAt: new Date(0),
    eventId: '',
    occurredAt: new Date(0),
    agentName: '',
    toolName: '',
    toolVersion: '',
    trustLevel: null,
    publisher: null,
    inputSchemaHash: null,
    outputSchemaHash: null,
    durationMs: 0,
    inputSizeBytes: null,
    outputSizeBytes: null,
    permissionsUsed: [],
    dataClassification: '',
    resultStatus: '',
    approval: '',
    decisionId: null,
    prevHash: '',
    hash: '',
  }),
) as (keyof PublicEvent)[];

/** Spreadsheet apps run cells that start with these as formulas (CSV injection): prefix a quote. */
const safeCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** One CSV record: permissions joined with spaces, empty for null. */
export function toCsvCells(e: PublicEvent): string[] {
  return EVENT_CSV_COLUMNS.map((c) => {
    const v = e[c];
    return safeCell(v === null ? '' : Array.isArray(v) ? v.join(' ') : String(v));
  });
}
