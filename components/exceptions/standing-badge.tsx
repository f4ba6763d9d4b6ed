import { Badge } from '@/components/ui/badge';
import { STANDING_LABELS, STANDING_TONES, type ExceptionStanding } from '@/lib/domain/exceptions/state-machine';

/** An exception's standing at this moment (stored status refined by expiry and reopening). */
export function StandingBadge({ standing }: { standing: ExceptionStanding }) {
  return (
    <span data-testid="exception-standing" data-standing={standing}>
      <Badge tone={STANDING_TONES[standing]}>{STANDING_LABELS[standing]}</Badge>
    </span>
  );
}
