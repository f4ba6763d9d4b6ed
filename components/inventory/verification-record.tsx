import { Badge, type BadgeTone } from '@/components/ui/badge';
import { describeCappedTier, describeTierCap } from '@/lib/domain/tiers';
import type { ToolDetailVersion } from '@/lib/server/inventory/get-tool-detail';
import { TierBadge } from './badges';
import { HeadRow } from '@/components/ui/head-row';

type RecordRow = ToolDetailVersion['verifications'][number];
interface Check {
  name: string;
  status: string;
  detail?: string;
  sourceStatus?: string;
  durationMs?: number | null;
}

const STATUS_TONES: Record<string, BadgeTone> = { PASS: 'green', FAIL: 'red', SKIPPED: 'gray' };
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function checksOf(record: RecordRow): Check[] {
  if (Array.isArray(record.checks)) {
    const items = record.checks as unknown[];
    return items
      .filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null)
      .map((c) => ({
        name: String(c.name ?? 'check'),
        status: String(c.status ?? 'SKIPPED'),
        detail: typeof c.detail === 'string' ? c.detail : undefined,
        sourceStatus: typeof c.sourceStatus === 'string' ? c.sourceStatus : undefined,
        durationMs: typeof c.durationMs === 'number' ? c.durationMs : null,
      }));
  }
  // Records without a normalized list still carry the four summary columns.
  return [
    { name: 'installation', status: record.installCheck },
    { name: 'import', status: record.importCheck },
    { name: 'sandbox', status: record.smokeCheck },
    { name: 'permissions', status: record.permissionCheck },
  ];
}

/** Why the tier is below what the score gives (mock-mode run, credential boundary, …), when it is. */
export function TierCapNote({ record }: { record: Pick<RecordRow, 'tier' | 'tierCappedFrom' | 'tierCapReason'> }) {
  const cap = describeTierCap(record.tierCappedFrom, record.tierCapReason);
  if (!cap) return null;
  return (
    <span
      className="text-xs text-amber-700"
      data-testid="tier-cap"
      title={describeCappedTier(record.tier, record.tierCappedFrom, record.tierCapReason)}
    >
      ({cap})
    </span>
  );
}

/** One immutable verification run: its score, our tier beside the registry's own word, and every check. */
export function VerificationRecordView({ record }: { record: RecordRow }) {
  return (
    <div className="rounded-md ring-1 ring-slate-200" data-testid="verification-record">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-3 py-1.5 text-xs">
        <span>verified {dateTime.format(record.verifiedAt)} UTC</span>
        <TierBadge tier={record.tier} />
        <TierCapNote record={record} />
        <span>score {record.trustScore ?? '—'}</span>
        {record.registryTier && <span className="text-slate-500">registry says “{record.registryTier}”</span>}
        <span className="ml-auto font-mono text-slate-400" title="SHA-256 of the raw payload">
          {record.payloadSha256.slice(0, 16)}…
        </span>
      </div>
      <table className="min-w-full text-xs" aria-label="Checks">
        <thead className="text-left text-slate-500">
          <HeadRow labels={['Check', 'Result', 'Detail']} cellClassName="px-3 py-1" />
        </thead>
        <tbody>
          {checksOf(record).map((c, i) => (
            <tr key={`${c.name}-${i}`} data-testid="check" data-status={c.status}>
              <td className="px-3 py-1 font-medium">{c.name}</td>
              <td className="px-3 py-1">
                <Badge tone={STATUS_TONES[c.status] ?? 'gray'}>{c.status.toLowerCase()}</Badge>
                {c.sourceStatus && <span className="ml-1 text-slate-500">({c.sourceStatus})</span>}
              </td>
              <td className="px-3 py-1 text-slate-600">
                {c.detail ?? '—'}
                {c.durationMs ? <span className="ml-1 text-slate-400">{c.durationMs} ms</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
