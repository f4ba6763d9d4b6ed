import { EngagementPacks } from '@/components/evidence/engagement-packs';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { getCriterionWorkspace } from '@/lib/server/engagements/get-criterion-workspace';
import { AUDIT_CRITERIA } from '@/lib/domain/audits/populations';
import { CONTROL_STATE_LABELS } from '@/lib/domain/controls';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount, formatDate, formatTimestamp } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrRefuse } from '../../load-or-refuse';

export const metadata: Metadata = { title: 'Criterion' };

const STATE_TONES = { ok: 'green', stale: 'yellow', gap: 'red' } as const;
const isCriterion = (v: string): v is (typeof AUDIT_CRITERIA)[number] => (AUDIT_CRITERIA as readonly string[]).includes(v);

/** One criterion of an audit: the control, how it is evidenced, its live state and the records behind it. */
export default async function CriterionPage({ params }: { params: Promise<{ id: string; criterionId: string }> }) {
  const user = await requirePageUser('engagement:read');
  const { id, criterionId: raw } = await params;
  const criterionId = decodeURIComponent(raw);
  if (!isCriterion(criterionId)) notFound();
  const w = await loadOrRefuse(() => getCriterionWorkspace({ actor: actorOf(user), input: { engagementId: id, criterionId } }));
  if (!w) notFound();
  const e = w.engagement;
  const periodTo = formatDate(new Date(e.periodEnd.getTime() - 86_400_000));
  return (
    <div className="space-y-4" data-testid="criterion-workspace">
      <PageHeader
        title={`${criterionId}${w.control ? ` — ${w.control.summary}` : ''}`}
        description={`${e.name} · period ${formatDate(e.periodStart)} – ${periodTo} (UTC) · ${e.environments.join(', ')}`}
        actions={
          <Link href={`/audits/${e.id}`} className={buttonClass('secondary')}>
            Back to the audit
          </Link>
        }
      />
      <Card title="What the control is">
        <p className="text-sm">
          {w.control ? (
            <>
              <span className="font-mono font-semibold">{criterionId}</span> ({w.control.category}): {w.control.summary}
            </>
          ) : (
            <>
              <span className="font-mono font-semibold">{criterionId}</span>: not in ToolLedger&apos;s controls map yet; the
              populations below still hold the records behind it.
            </>
          )}
        </p>
        <p className="mt-1 text-xs text-slate-600">Full criterion statement: {w.source}.</p>
      </Card>
      {w.control && w.live && (
        <>
          <Card title="How ToolLedger evidences it">
            <p className="text-sm">{w.control.evidencedBy}</p>
            <ul className="mt-2 space-y-0.5 text-sm" data-testid="criterion-evidence">
              {w.live.evidence.map((k) => (
                <li key={k.kind} title={k.files.join(', ')}>
                  {k.label}:{' '}
                  {k.count === null ? (
                    <span className="text-slate-500">not recorded yet</span>
                  ) : (
                    <span>
                      {formatCount(k.count, 'record')} in the period
                      {k.latestAt && <span className="text-slate-500"> · newest {formatTimestamp(k.latestAt)}</span>}
                    </span>
                  )}
                  <span className="ml-1 font-mono text-xs text-slate-500">{k.files.join(', ')}</span>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Live state">
            <div className="space-y-1" data-testid="criterion-state" data-state={w.live.state}>
              <Badge tone={STATE_TONES[w.live.state]}>{CONTROL_STATE_LABELS[w.live.state]}</Badge>
              <span className="ml-2 text-xs text-slate-500">as of {formatTimestamp(w.asOf)}</span>
              {w.live.findings.map((f) => (
                <p key={f.reason} className="text-sm text-slate-700">
                  {f.reason}
                </p>
              ))}
            </div>
          </Card>
        </>
      )}
      <Card title="Records behind it in the audit's period and scope">
        {w.populations.length === 0 ? (
          <EmptyState title="No population maps to this criterion">Its evidence is in the records above.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="criterion-populations">
            {w.populations.map((p) => (
              <li key={p.population} className="py-2" data-testid="criterion-population">
                <Link
                  href={`/audits/${e.id}/populations/${p.population}`}
                  className="font-medium text-indigo-700 hover:underline"
                >
                  {p.label}
                </Link>{' '}
                <span data-testid={`population-count-${p.population}`}>· {formatCount(p.total, p.noun)}</span>
                <p className="text-xs text-slate-600">{p.about}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {/* The packs built for this audit (issue 13), downloadable by its auditors. */}
      <EngagementPacks engagementId={e.id} />
    </div>
  );
}
