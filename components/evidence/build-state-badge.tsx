import type { EvidencePackBuildState } from '@prisma/client';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONE: Record<EvidencePackBuildState, BadgeTone> = {
  QUEUED: 'gray',
  RUNNING: 'blue',
  SUCCEEDED: 'green',
  FAILED: 'red',
  CANCELLED: 'yellow',
};

export const BUILD_STATE_LABELS: Record<EvidencePackBuildState, string> = {
  QUEUED: 'Queued',
  RUNNING: 'Building',
  SUCCEEDED: 'Ready',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

export function BuildStateBadge({ state }: { state: EvidencePackBuildState }) {
  return <Badge tone={TONE[state]}>{BUILD_STATE_LABELS[state]}</Badge>;
}
