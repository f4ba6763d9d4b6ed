import { formatDate, formatDateTime } from '@/components/ui/format';
import { TREATMENT_LABELS } from '@/lib/domain/risk/score';
import type { ToolRisk } from '@/lib/server/risks/get-tool-risk';
import { RiskScoreBadge } from './risk-badges';

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

interface Override {
  field: string;
  suggested: number;
  chosen: number;
  reason: string;
}

/** Every assessment, newest first, with the suggestion overrides and what changed since the one before. */
export function RiskHistory({ history }: { history: ToolRisk['history'] }) {
  return (
    <ol className="space-y-3" aria-label="Assessment history">
      {history.map((a, n) => (
        <li key={a.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="risk-history-entry">
          <p className="flex flex-wrap items-center gap-2">
            <strong>{formatDateTime(a.assessedAt)}</strong> by {a.assessor.name}
            {n === 0 && <span className="text-xs text-slate-500">(current)</span>}
            <span>
              inherent <RiskScoreBadge score={a.inherentScore} /> ({a.likelihood}×{a.impact}) → residual{' '}
              <RiskScoreBadge score={a.residualScore} /> ({a.residualLikelihood}×{a.residualImpact})
            </span>
            <span>· {TREATMENT_LABELS[a.treatment]}</span>
            <span>· owner {a.owner}</span>
            <span>· next review {formatDate(a.nextReviewAt)}</span>
            {a.toolVersion && <span>· version {a.toolVersion.version}</span>}
          </p>
          {a.controls && <p className="mt-1 text-slate-700">Controls: {a.controls}</p>}
          {(a.overrides as unknown as Override[]).map((o) => (
            <p key={o.field} className="mt-1 text-amber-800">
              Overrode the suggested {o.field} {o.suggested} with {o.chosen}: “{o.reason}”
            </p>
          ))}
          {a.changes.length > 0 && (
            <table className="mt-2 text-xs" aria-label="Changes from the previous assessment">
              <thead>
                <tr className="text-left text-slate-500">
                  <th className="pr-4 font-normal">Changed</th>
                  <th className="pr-4 font-normal">Before</th>
                  <th className="font-normal">After</th>
                </tr>
              </thead>
              <tbody>
                {a.changes.map((c) => (
                  <tr key={`${c.path}-${c.kind}`}>
                    <td className="pr-4 font-mono">{c.path}</td>
                    <td className="pr-4 text-rose-700">{show(c.before)}</td>
                    <td className="text-emerald-700">{show(c.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
    </ol>
  );
}
