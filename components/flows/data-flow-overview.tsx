import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatDate, formatNumber } from '@/components/ui/format';
import type { DataFlowOverview } from '@/lib/server/data-flows/get-data-flow-overview';

function Figure({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <Link href={href} className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200 hover:ring-indigo-300">
      <div className="text-xs text-slate-500">{label}</div>
      <div className="mt-1 text-xl font-semibold tabular-nums text-slate-900">{formatNumber(value)}</div>
    </Link>
  );
}

/** The overview's data flow section: what waits for confirmation, by name, and the counts behind it. */
export function DataFlowOverviewSection({ o }: { o: DataFlowOverview }) {
  return (
    <section className="space-y-3" aria-labelledby="overview-data-flows">
      <h2 id="overview-data-flows" className="pt-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
        Data flows
      </h2>
      <div className="grid gap-4 sm:grid-cols-4">
        <Figure label="Derived maps awaiting confirmation" value={o.awaiting.total} href="/data-flows?status=DERIVED" />
        <Figure label="Maps a new version reopened for review" value={o.needsReview} href="/data-flows?status=NEEDS_REVIEW" />
        <Figure label="Subprocessors" value={o.subprocessors} href="/subprocessors" />
        <Figure label="Tools in use without a map" value={o.unmappedInUse} href="/data-flows" />
      </div>
      {o.awaiting.items.length > 0 && (
        <ul className="space-y-1 text-sm" data-testid="maps-awaiting-confirmation">
          {o.awaiting.items.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/data-flows/${m.tool.id}`} className="font-medium text-indigo-700 hover:underline">
                {m.tool.name}
              </Link>
              <span className="text-slate-500">derived {formatDate(m.createdAt)}</span>
              {m.reviewVersion && <Badge tone="red">Needs review: version {m.reviewVersion.version}</Badge>}
              {m.subprocessor && <Badge tone="red">Subprocessor</Badge>}
            </li>
          ))}
          {o.awaiting.total > o.awaiting.items.length && (
            <li>
              <Link href="/data-flows?status=DERIVED" className="text-indigo-700 hover:underline">
                and {o.awaiting.total - o.awaiting.items.length} more
              </Link>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
