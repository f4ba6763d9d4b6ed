import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONE: Record<string, BadgeTone> = { SUCCEEDED: 'green', PARTIAL: 'yellow', FAILED: 'red', RUNNING: 'blue' };
const LABEL: Record<string, string> = { SUCCEEDED: 'Succeeded', PARTIAL: 'Partial', FAILED: 'Failed', RUNNING: 'Running' };

export function SyncStatusBadge({ status }: { status: string | null }) {
  if (!status) return <Badge>Never synced</Badge>;
  return <Badge tone={TONE[status] ?? 'gray'}>{LABEL[status] ?? status}</Badge>;
}

export const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
