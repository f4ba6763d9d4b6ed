import type { InvocationEvent } from '@/lib/client/events';
import type { CallOutcome } from './mcp-proxy';

export interface CallContext {
  /** The MCP tool called (a function of the server). */
  mcpTool: string;
  startedAt: Date;
  inputBytes: number;
  decisionId: string | null;
  decisionSource: string;
}

/** One tools/call as the invocation event of shared/ARCHITECTURE.md §5. */
export function invocationEvent(
  subject: { agent: string; tool: string; version: string; dataClassification: InvocationEvent['data_classification'] },
  call: CallContext,
  outcome: CallOutcome | { status: 'denied'; durationMs: 0; outputBytes: 0 },
  definitions: { schemaHashes: Map<string, { input: string; output: string | null }>; declaredPermissions: string[] },
): InvocationEvent {
  const hashes = definitions.schemaHashes.get(call.mcpTool);
  return {
    timestamp: call.startedAt.toISOString(),
    agent_id: subject.agent,
    tool_name: subject.tool,
    tool_version: subject.version,
    ...(hashes ? { input_schema_hash: hashes.input } : {}),
    ...(hashes?.output ? { output_schema_hash: hashes.output } : {}),
    execution_duration_ms: Math.round(outcome.durationMs),
    input_size_bytes: call.inputBytes,
    output_size_bytes: outcome.outputBytes,
    // The gateway cannot watch the server's system calls: it reports what the version declared.
    permissions_used: definitions.declaredPermissions,
    data_classification: subject.dataClassification,
    result_status: outcome.status,
    mcp_tool: call.mcpTool,
    enforcement_decision_id: call.decisionId,
    enforcement_source: call.decisionSource,
  };
}
