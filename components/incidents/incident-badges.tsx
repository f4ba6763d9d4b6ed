import { Badge, type BadgeTone } from '@/components/ui/badge';
import { SEVERITY_LABELS, STATUS_LABELS, type IncidentSeverity, type IncidentStatus } from '@/lib/domain/incidents/labels';

const SEVERITY_TONES: Record<IncidentSeverity, BadgeTone> = { LOW: 'gray', MEDIUM: 'yellow', HIGH: 'red', CRITICAL: 'red' };
const STATUS_TONES: Record<IncidentStatus, BadgeTone> = { OPEN: 'red', CONTAINED: 'yellow', RECOVERED: 'blue', CLOSED: 'gray' };

export function SeverityBadge({ severity }: { severity: IncidentSeverity }) {
  return <Badge tone={SEVERITY_TONES[severity]}>{SEVERITY_LABELS[severity]}</Badge>;
}

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return (
    <span data-testid="incident-status" data-status={status}>
      <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>
    </span>
  );
}

/** A quarantine in force is red; a lifted one is history. */
export function QuarantineBadge({ lifted }: { lifted: boolean }) {
  return lifted ? <Badge tone="gray">Lifted</Badge> : <Badge tone="red">In force</Badge>;
}
