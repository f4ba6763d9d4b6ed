import Link from 'next/link';
import { formatDate, formatNumber } from '@/components/ui/format';
import { cn } from '@/components/ui/cn';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import type { NeedsAttention } from '@/lib/server/overview/get-needs-attention';
import { incidentRef, SEVERITY_LABELS } from '@/lib/domain/incidents/labels';

function Panel({
  title,
  count,
  href,
  tone,
  testId,
  children,
}: {
  title: string;
  count: number;
  href: string;
  tone: 'red' | 'amber' | 'indigo';
  testId: string;
  children?: React.ReactNode;
}) {
  const quiet = count === 0;
  return (
    <section
      className={cn(
        'rounded-lg bg-white p-4 shadow-sm ring-1',
        quiet ? 'ring-slate-200' : tone === 'red' ? 'ring-rose-200' : tone === 'amber' ? 'ring-amber-200' : 'ring-indigo-200',
      )}
      data-testid={testId}
    >
      <header className="flex items-baseline justify-between gap-2">
        <h3 className="text-sm font-medium text-slate-700">{title}</h3>
        <Link
          href={href}
          className={cn(
            'text-2xl font-semibold tabular-nums hover:underline',
            quiet ? 'text-slate-400' : tone === 'red' ? 'text-rose-700' : tone === 'amber' ? 'text-amber-700' : 'text-indigo-700',
          )}
          data-testid={`${testId}-count`}
        >
          {formatNumber(count)}
        </Link>
      </header>
      {quiet ? (
        <p className="mt-2 text-xs text-slate-500">Nothing waiting.</p>
      ) : (
        <div className="mt-2 text-xs text-slate-600">{children}</div>
      )}
    </section>
  );
}

const listClass = 'space-y-1';

/** The top of the overview: what a person has to act on today, each linking to where they act. */
export function NeedsAttentionPanels({ n }: { n: NeedsAttention }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-label="Needs attention today" role="region">
      <Panel title="Reviews waiting" count={n.pendingReviews} href="/changes?state=OPEN" tone="indigo" testId="attention-reviews">
        {n.overdueReviews > 0 ? (
          <p className="font-medium text-rose-700">{n.overdueReviews} past due</p>
        ) : (
          <p>All within their due time.</p>
        )}
        <Link href="/changes?view=inbox" className="text-indigo-700 hover:underline">
          Open my inbox →
        </Link>
      </Panel>
      <Panel
        title="Open critical alerts"
        count={n.criticalAlerts.total}
        href="/monitoring?state=OPEN&severity=CRITICAL"
        tone="red"
        testId="attention-alerts"
      >
        <ul className={listClass}>
          {n.criticalAlerts.items.map((a) => (
            <li key={a.id} className="line-clamp-2">
              {a.tool ? (
                <Link href={`/inventory/${a.tool.id}`} className="text-slate-800 hover:underline">
                  {a.title}
                </Link>
              ) : (
                a.title
              )}
            </li>
          ))}
        </ul>
      </Panel>
      <Panel
        title={`Exceptions expiring in ${n.expiringExceptions.windowDays} days`}
        count={n.expiringExceptions.total}
        href="/compliance?status=covered"
        tone="amber"
        testId="attention-exceptions"
      >
        <ul className={listClass}>
          {n.expiringExceptions.items.map((e) => (
            <li key={e.id} className="truncate">
              <Link href={`/inventory/${e.tool.id}`} className="font-medium text-slate-800 hover:underline">
                {e.tool.name}
              </Link>{' '}
              {ENVIRONMENT_LABELS[e.environment]}, until {formatDate(e.expiresAt)}
            </li>
          ))}
        </ul>
      </Panel>
      <Panel
        title="Production tools failing policy"
        count={n.failingProduction.total}
        href="/compliance?environment=PRODUCTION&status=failing"
        tone="red"
        testId="attention-failing"
      >
        <ul className={listClass}>
          {n.failingProduction.items.map((f) => (
            <li key={`${f.toolId}-${f.version}`} className="line-clamp-2" title={f.reason}>
              <Link href={`/inventory/${f.toolId}`} className="font-medium text-slate-800 hover:underline">
                {f.toolName}
              </Link>{' '}
              <span className="font-mono">{f.version}</span> — {f.reason}
            </li>
          ))}
        </ul>
      </Panel>
      {/* Incident response (issue 14.6) */}
      <Panel title="Open incidents" count={n.openIncidents.total} href="/incidents" tone="red" testId="attention-incidents">
        {n.openIncidents.quarantinesInForce > 0 && (
          <p className="font-medium text-rose-700">{n.openIncidents.quarantinesInForce} quarantine(s) in force</p>
        )}
        <ul className={listClass}>
          {n.openIncidents.items.map((i) => (
            <li key={i.id} className="line-clamp-2">
              <Link href={`/incidents/${i.id}`} className="font-medium text-slate-800 hover:underline">
                {incidentRef(i.number)}
              </Link>{' '}
              {SEVERITY_LABELS[i.severity]}: {i.title}
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
