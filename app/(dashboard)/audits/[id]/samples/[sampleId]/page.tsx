import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { getEngagementSample } from '@/lib/server/engagements/get-sample';
import { AUDIT_ACTIONS, isAuditAction } from '@/lib/domain/audit-actions';
import { POPULATION_INFO, isPopulation } from '@/lib/domain/audits/populations';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrRefuse } from '../../load-or-refuse';
import { OpenRequestForm } from './open-request-form';

export const metadata: Metadata = { title: 'Sample' };

/** A sample in draw order; each item with its record and its whole audit trail. */
export default async function SamplePage({ params }: { params: Promise<{ id: string; sampleId: string }> }) {
  const user = await requirePageUser('engagement:read');
  const { id, sampleId } = await params;
  const data = await loadOrRefuse(() => getEngagementSample({ actor: actorOf(user), input: { engagementId: id, sampleId } }));
  if (!data) notFound();
  const { sample, columns, items } = data;
  const label = isPopulation(sample.population) ? POPULATION_INFO[sample.population].label : sample.population;
  const mayRequest = can(user.role, 'engagement:request');
  return (
    <div className="space-y-4">
      <PageHeader
        title={`Sample of ${label.toLowerCase()}`}
        description={`${sample.size} of ${sample.populationSize} records (${sample.sizeRule === 'aicpa' ? 'AICPA-style table' : 'size chosen'}), drawn by ${sample.drawnBy.name} on ${formatDateTime(sample.createdAt)}.`}
        actions={
          <Link href={`/audits/${id}/populations/${sample.population}`} className={buttonClass('secondary')}>
            Population
          </Link>
        }
      />
      <p className="text-sm text-slate-700">
        Seed{' '}
        <code className="font-mono" data-testid="sample-seed">
          {sample.seed}
        </code>
        . To redraw offline: for every record id of the population (CSV, first column) compute{' '}
        <code className="font-mono">sha256(seed + id)</code> in hex, sort ascending, take the first {sample.size}.
      </p>
      <ol className="space-y-3" data-testid="sample-items">
        {items.map((item, i) => (
          <li key={item.id} data-testid="sample-item">
            <Card
              title={
                <>
                  {i + 1}. <span className="font-mono">{item.id}</span>{' '}
                  {item.row?.flag && <Badge tone="red">{item.row.flag}</Badge>}
                </>
              }
            >
              {item.row ? (
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                  {columns.map((c) => (
                    <div key={c.key} className="contents">
                      <dt className="text-slate-500">{c.label}</dt>
                      <dd className="text-slate-900">{item.row!.cells[c.key] || '—'}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className="text-sm text-slate-600">This record is no longer in the audit’s scope.</p>
              )}
              <h3 className="mt-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">Evidence trail</h3>
              {item.trail.length === 0 ? (
                <p className="text-sm text-slate-600">No audit-trail record names this item.</p>
              ) : (
                <ul className="mt-1 space-y-0.5 text-sm">
                  {item.trail.map((t) => (
                    <li key={t.seq}>
                      <span className="font-mono text-xs text-slate-500">#{t.seq}</span> {formatDateTime(t.occurredAt)} ·{' '}
                      {isAuditAction(t.action) ? AUDIT_ACTIONS[t.action] : t.action} · {t.actorLabel}
                    </li>
                  ))}
                </ul>
              )}
              {mayRequest && item.row && (
                <div className="mt-3 border-t border-slate-100 pt-3">
                  <OpenRequestForm engagementId={id} population={sample.population} recordId={item.id} />
                </div>
              )}
            </Card>
          </li>
        ))}
      </ol>
    </div>
  );
}
