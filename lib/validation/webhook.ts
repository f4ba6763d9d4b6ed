import { z } from 'zod';
import { zText } from './text';

export const WEBHOOK_FORMATS = ['STANDARD', 'OCSF'] as const;

/**
 * `alert.<kind>` (every alert kind the app raises), `alert.assigned`, `alert.unassigned` and
 * `alert.noted` (changes made to an alert since) and `webhook.test` (the send-test button).
 */
export const WEBHOOK_EVENT_TYPE = /^(alert\.[a-z0-9][a-z0-9-]{0,80}|webhook\.test)$/;

const eventTypeList = z.preprocess(
  (v) =>
    v === undefined || v === ''
      ? []
      : Array.isArray(v)
        ? v
        : String(v)
            .split(/[\s,]+/)
            .filter(Boolean),
  z
    .array(zText().regex(WEBHOOK_EVENT_TYPE, 'Event types look like alert.invocation-chain-broken'))
    .max(50, 'At most 50 event types'),
);

export const ZCreateWebhookEndpointInput = z.object({
  url: zText({ error: 'URL is required' })
    .trim()
    .max(2000, 'Use at most 2,000 characters')
    .url('Enter a full URL, e.g. https://siem.example.com/hooks/toolledger')
    .refine((u) => /^https?:\/\//i.test(u), 'Only http:// and https:// URLs'),
  description: zText().trim().max(200, 'Use at most 200 characters').default(''),
  /** Empty or absent: every event type. */
  eventTypes: eventTypeList.optional(),
  format: z.enum(WEBHOOK_FORMATS, { error: 'Use STANDARD or OCSF' }).default('STANDARD'),
});
export type TCreateWebhookEndpointInput = z.input<typeof ZCreateWebhookEndpointInput>;

export const ZWebhookEndpointIdInput = z.object({ id: zText().min(1, 'Endpoint id is required').max(100) });
export type TWebhookEndpointIdInput = z.infer<typeof ZWebhookEndpointIdInput>;

export const ZSetWebhookEndpointEnabledInput = ZWebhookEndpointIdInput.extend({
  enabled: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()),
});
export type TSetWebhookEndpointEnabledInput = z.input<typeof ZSetWebhookEndpointEnabledInput>;

export const ZListWebhookDeliveriesInput = z.object({
  endpointId: zText().max(100).optional(),
  status: z.enum(['PENDING', 'SUCCEEDED', 'FAILED'], { error: 'Use PENDING, SUCCEEDED or FAILED' }).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type TListWebhookDeliveriesInput = z.input<typeof ZListWebhookDeliveriesInput>;
