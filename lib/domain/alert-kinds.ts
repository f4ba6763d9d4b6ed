import { SYNC_ALERT_LABELS } from './sync-alerts';

/**
 * What the alert inbox calls each kind of alert. The registry sync's kinds live beside their
 * rules (sync-alerts.ts); these are the kinds other parts of ToolLedger raise. A kind missing
 * here still reads as words ("some-new-kind" → "Some new kind"), never as a raw key.
 */
export const OTHER_ALERT_LABELS = {
  'unknown-tool': 'Unknown tool asked for',
  'unapproved-install': 'Installation without approval',
  'definition-poisoning': 'Tool definition poisoning',
  'exception-expiring': 'Policy exception expiring soon',
  'exception-expired': 'Policy exception expired',
  'invocation-chain-broken': 'Invocation log chain broken',
  'invocation-unapproved-use': 'Tool used without approval',
  'invocation-unknown-subject': 'Invocation of an unknown agent or tool',
  'risk-review-overdue': 'Risk review overdue',
  'data-flow-review': 'Data flow map needs review',
} as const;

const LABELS: Record<string, string> = { ...SYNC_ALERT_LABELS, ...OTHER_ALERT_LABELS };

export function alertKindLabel(kind: string): string {
  if (Object.hasOwn(LABELS, kind)) return LABELS[kind]!;
  const words = kind.replace(/[-_]+/g, ' ').trim().toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : kind;
}
