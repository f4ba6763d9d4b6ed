/** What a timeline row records; each is also an audit event (lib/domain/audit-actions.ts). */
export type TimelineKind =
  'opened' | 'step-done' | 'status-changed' | 'note' | 'linked' | 'quarantined' | 'quarantine-lifted' | 'agent-owner-alerted';

export const TIMELINE_LABELS: Record<TimelineKind, string> = {
  opened: 'Opened',
  'step-done': 'Playbook step done',
  'status-changed': 'Status changed',
  note: 'Note',
  linked: 'Record linked',
  quarantined: 'Quarantined',
  'quarantine-lifted': 'Quarantine lifted',
  'agent-owner-alerted': 'Agent owner alerted',
};

export function isTimelineKind(v: string): v is TimelineKind {
  return Object.hasOwn(TIMELINE_LABELS, v);
}
