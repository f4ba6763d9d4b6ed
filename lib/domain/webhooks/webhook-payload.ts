import type { AuditAction } from '@/lib/domain/audit-actions';
import { alertToOcsf, type AlertFields, type AlertNoteFields } from '@/lib/domain/ocsf/detection-finding';

export type WebhookFormat = 'STANDARD' | 'OCSF';

/** Standard Webhooks event type of an alert raised: `alert.<kind>`. */
export const alertEventType = (kind: string): string => `alert.${kind}`;

/**
 * A change made to an alert after it was raised, sent as its own event type named as the audit
 * trail names the change. Alert kinds are hyphenated (`digest-changed`), so these never collide
 * with an `alert.<kind>`.
 */
export const ALERT_CHANGE_EVENT_TYPES = [
  'alert.assigned',
  'alert.unassigned',
  'alert.noted',
] as const satisfies readonly AuditAction[];
export type AlertChangeEventType = (typeof ALERT_CHANGE_EVENT_TYPES)[number];

/** Empty list: every event type. */
export const endpointWants = (eventTypes: readonly string[], eventType: string): boolean =>
  eventTypes.length === 0 || eventTypes.includes(eventType) || eventType === 'webhook.test';

const noteData = (n: AlertNoteFields) => ({ id: n.id, author: n.author, created_at: n.createdAt.toISOString(), body: n.body });

/**
 * The body of an alert message: the alert raised (`change` absent) or a change made to it since.
 * STANDARD is the envelope the Standard Webhooks specification recommends ({ type, timestamp,
 * data }) around the alert as the inbox shows it; OCSF is the OCSF 1.3.0 Detection Finding itself,
 * so an HTTP collector can ingest it without a mapping. Either way the message carries the
 * alert's whole state, so a receiver keeps the newest by time and never needs the order.
 *
 * Fields are only ever added (`assignee`, `assigned_at`, `notes` came with issue 11.5): a receiver
 * written for an earlier shape keeps working.
 */
export function alertWebhookBody(alert: AlertFields, format: WebhookFormat, at: Date, change?: AlertChangeEventType): string {
  if (format === 'OCSF') return JSON.stringify(alertToOcsf(alert, change ? at : undefined));
  return JSON.stringify({
    type: change ?? alertEventType(alert.kind),
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
      assignee: alert.assignee,
      assigned_at: alert.assignedAt?.toISOString() ?? null,
      notes: alert.notes.map(noteData),
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
