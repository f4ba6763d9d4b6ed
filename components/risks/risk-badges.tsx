import { Badge, type BadgeTone } from '@/components/ui/badge';
import { RISK_BAND_LABELS, riskBand, type RiskBand } from '@/lib/domain/risk/score';

export const BAND_TONES: Record<RiskBand, BadgeTone> = { LOW: 'green', MEDIUM: 'yellow', HIGH: 'red', CRITICAL: 'red' };

/** "12 · High": a score with its band, the same words in the register, the tool page and the heat map. */
export function RiskScoreBadge({ score }: { score: number }) {
  const band = riskBand(score);
  return (
    <Badge tone={BAND_TONES[band]} className={band === 'CRITICAL' ? 'font-semibold' : undefined}>
      {score} · {RISK_BAND_LABELS[band]}
    </Badge>
  );
}

export function OverdueReviewBadge() {
  return <Badge tone="red">review overdue</Badge>;
}
