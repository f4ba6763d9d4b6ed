import type { PublicEvent } from '@/lib/domain/invocations/public-record';
import { OCSF_PRODUCT, OCSF_SEVERITY_NAME, OCSF_VERSION, ocsfTime, type OcsfSeverityId } from './metadata';

/**
 * An invocation event as OCSF 1.3.0 API Activity (class_uid 6003, category 6 Application
 * Activity): an agent (the actor) called an operation (the tool) of a service (the tool's
 * version). A tool call is none of Create/Read/Update/Delete, so activity_id is 99 Other, named
 * "Invoke". Success is status_id 1; error, timeout and denied are 2 Failure with the detail.
 * A call nothing allowed (no allow decision, after a deny, an unknown subject) is severity
 * Medium, an allowed one Informational. What OCSF has no attribute for stays under `unmapped`
 * with the agent's own field names, the chain links included, so nothing is lost.
 */
export const API_ACTIVITY = {
  class_uid: 6003,
  class_name: 'API Activity',
  category_uid: 6,
  category_name: 'Application Activity',
};
const INVOKE = { activity_id: 99, activity_name: 'Invoke' } as const;

const STATUS: Record<string, { status_id: 1 | 2; status: string }> = {
  success: { status_id: 1, status: 'Success' },
  error: { status_id: 2, status: 'Failure' },
  timeout: { status_id: 2, status: 'Failure' },
  denied: { status_id: 2, status: 'Failure' },
};

export function eventToOcsf(e: PublicEvent) {
  const severity_id: OcsfSeverityId = e.approval === 'allowed' ? 1 : 3;
  const status = STATUS[e.result_status] ?? { status_id: 0, status: 'Unknown' };
  return {
    ...API_ACTIVITY,
    ...INVOKE,
    type_uid: API_ACTIVITY.class_uid * 100 + INVOKE.activity_id,
    type_name: `${API_ACTIVITY.class_name}: ${INVOKE.activity_name}`,
    time: ocsfTime(e.timestamp),
    duration: e.execution_duration_ms,
    severity_id,
    severity: OCSF_SEVERITY_NAME[severity_id],
    ...status,
    status_detail: e.result_status,
    message: `${e.agent_id} invoked ${e.tool_name}@${e.tool_version}: ${e.result_status}`,
    metadata: {
      version: OCSF_VERSION,
      product: OCSF_PRODUCT,
      uid: e.event_id,
      sequence: Number(e.seq),
      log_name: 'invocation-events',
      original_time: e.timestamp,
      logged_time: ocsfTime(e.received_at),
    },
    actor: { user: { name: e.agent_id, type_id: 3, type: 'System' } },
    src_endpoint: { name: e.agent_id },
    api: {
      operation: e.tool_name,
      service: { name: e.tool_name, version: e.tool_version },
      response: { code: status.status_id === 1 ? 0 : 1, message: e.result_status },
    },
    // API Activity requires `cloud`; agents run anywhere, so the provider is not known to us.
    cloud: { provider: 'unknown' },
    resources: [
      { type: 'tool', name: e.tool_name, uid: `${e.tool_name}@${e.tool_version}`, data_classification: e.data_classification },
    ],
    unmapped: {
      tool_trust_level: e.tool_trust_level,
      tool_publisher: e.tool_publisher,
      input_schema_hash: e.input_schema_hash,
      output_schema_hash: e.output_schema_hash,
      input_size_bytes: e.input_size_bytes,
      output_size_bytes: e.output_size_bytes,
      permissions_used: e.permissions_used,
      data_classification: e.data_classification,
      approval: e.approval,
      decision_id: e.decision_id,
      prev_hash: e.prev_hash,
      hash: e.hash,
    },
  };
}

export type OcsfApiActivity = ReturnType<typeof eventToOcsf>;
