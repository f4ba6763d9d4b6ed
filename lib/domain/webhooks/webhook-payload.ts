import { alertToOcsf, type AlertFields } from '@/lib/domain/ocsf/detection-finding';

export type WebhookFormat = 'STANDARD' | 'OCSF';

/** Standard Webhooks event type of an alert: `alert.<kind>`. */
export const alertEventType = (kind: string): string => `alert.${kind}`;

/** Empty list: every event type. */
export const endpointWants = (eventTypes: readonly string[], eventType: string): boolean =>
  eventTypes.length === 0 || eventTypes.includes(eventType) || eventType === 'webhook.test';

/**
 * The body of an alert message. STANDARD is the envelope the Standard Webhooks specification
 * recommends ({ type, timestamp, data }) around the alert as the inbox shows it; OCSF is the
 * OCSF 1.3.0 Detection Finding itself, so an HTTP collector can ingest it without a mapping.
 */
export function alertWebhookBody(alert: AlertFields, format: WebhookFormat, at: Date): string {
  if (format === 'OCSF') return JSON.stringify(alertToOcsf(alert));
  return JSON.stringify({
    type: alertEventType(alert.kind),
    timestamp: at.toISOString(),
    data: {
      id: alert.id,
      kind: alert.kind,
      severity: alert.severity,
      state: alert.state,
      title: alert.title,
      detail: alert.detail,
      tool_id: alert.toolId,
      tool_version_id: alert.toolVersionId,
      created_at: alert.createdAt.toISOString(),
    },
  });
}

/** The send-test button's message: same envelope, no alert behind it. */
export function testWebhookBody(endpointId: string, at: Date): string {
  return JSON.stringify({
    type: 'webhook.test',
    timestamp: at.toISOString(),
    data: { endpoint_id: endpointId, message: 'Test message from ToolLedger' },
  });
}
