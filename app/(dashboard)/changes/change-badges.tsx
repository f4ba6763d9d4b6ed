import { Badge, type BadgeTone } from '@/components/ui/badge';
import { CHANGE_STATE_LABELS, type ChangeState } from '@/lib/domain/change-requests/state-machine';

const STATE_TONES: Record<ChangeState, BadgeTone> = {
  COMPLIANCE_REVIEW: 'blue',
  SECURITY_REVIEW: 'yellow',
  APPROVED: 'green',
  REJECTED: 'red',
  DEPLOYED: 'indigo',
  WITHDRAWN: 'gray',
};

export function ChangeStateBadge({ state }: { state: ChangeState }) {
  return (
    <Badge tone={STATE_TONES[state]} className="state-badge">
      {CHANGE_STATE_LABELS[state]}
    </Badge>
  );
}

export function OverdueBadge({ hours }: { hours: number }) {
  return (
    <Badge tone="red" title="Past the review SLA">
      Overdue{hours > 0 ? ` ${hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`}` : ''}
    </Badge>
  );
}

export const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
