import { cn } from '@/components/ui/cn';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_LEVELS, riskBand, type RiskBand } from '@/lib/domain/risk/score';

const CELL: Record<RiskBand, string> = {
  LOW: 'bg-emerald-50 text-emerald-900',
  MEDIUM: 'bg-amber-50 text-amber-900',
  HIGH: 'bg-orange-100 text-orange-900',
  CRITICAL: 'bg-rose-100 text-rose-900',
};

/**
 * One 5×5 grid: likelihood up the side (5 on top), impact along the bottom, each cell the number
 * of tools there and coloured by the band of its score. A table, so it reads cell by cell.
 */
function HeatGrid({ title, grid }: { title: string; grid: number[][] }) {
  const rows = [...RISK_LEVELS].reverse();
  return (
    <figure className="space-y-1">
      <table
        className="border-separate border-spacing-0.5 text-xs"
        aria-label={title}
        data-testid={`heat-${title.toLowerCase()}`}
      >
        <caption className="pb-1 text-left text-sm font-medium text-slate-700">{title}</caption>
        <tbody>
          {rows.map((l) => (
            <tr key={l}>
              <th scope="row" className="pr-1 text-right font-normal text-slate-500" title={LIKELIHOOD_LABELS[l]}>
                L{l}
              </th>
              {RISK_LEVELS.map((i) => {
                const n = grid[l - 1]?.[i - 1] ?? 0;
                return (
                  <td
                    key={i}
                    className={cn('h-9 w-11 rounded text-center tabular-nums', CELL[riskBand(l * i)], n === 0 && 'opacity-50')}
                    title={`Likelihood ${l} (${LIKELIHOOD_LABELS[l]}) × impact ${i} (${IMPACT_LABELS[i]}) = ${l * i}: ${n} tool${n === 1 ? '' : 's'}`}
                    data-cell={`${l}-${i}`}
                  >
                    {n > 0 ? <strong>{n}</strong> : ''}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <td />
            {RISK_LEVELS.map((i) => (
              <th key={i} scope="col" className="font-normal text-slate-500" title={IMPACT_LABELS[i]}>
                I{i}
              </th>
            ))}
          </tr>
        </tbody>
      </table>
    </figure>
  );
}

/** Inherent and residual side by side: how far the controls move each tool. */
export function RiskHeatMaps({ inherent, residual }: { inherent: number[][]; residual: number[][] }) {
  return (
    <div className="flex flex-wrap gap-8">
      <HeatGrid title="Inherent" grid={inherent} />
      <HeatGrid title="Residual" grid={residual} />
      <p className="max-w-xs self-end text-xs text-slate-500">
        L = likelihood, I = impact (1–5); a cell counts the tools whose current assessment sits there. Score = L × I: low 1–4,
        medium 5–9, high 10–15, critical 16–25.
      </p>
    </div>
  );
}
