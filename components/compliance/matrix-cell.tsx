import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatDate } from '@/components/ui/format';
import { RULE_LABELS } from '@/lib/domain/policy/evaluate';
import { cellStatus, type CellStatus, type MatrixCell } from '@/lib/server/policies/get-compliance-matrix';

export const CELL_STATUS_LABELS: Record<CellStatus, string> = { pass: 'Pass', fail: 'Fail', exception: 'Exception' };
export const CELL_STATUS_TONES = { pass: 'green', fail: 'red', exception: 'yellow' } as const;

function reasonsOf(cell: MatrixCell): string[] {
  return [
    ...cell.blocking.map((b) => `${RULE_LABELS[b.rule]}: ${b.reason}`),
    ...cell.covered.map(
      (c) => `${RULE_LABELS[c.rule]}: covered by exception ${c.exceptionId.slice(-8)} until ${formatDate(c.expiresAt)}`,
    ),
    ...(cell.reviewTriggers.length ? [`Manual review: ${cell.reviewTriggers.map((r) => r.reason).join(' ')}`] : []),
  ];
}

/**
 * One status per environment, so the matrix reads down a column at a glance; the reasons open
 * in a small panel on click (and show as the tooltip), instead of filling every row.
 */
export function MatrixStatusCell({ cell, requestHref }: { cell: MatrixCell; requestHref?: string }) {
  const status = cellStatus(cell);
  const reasons = reasonsOf(cell);
  const badge = (
    <Badge tone={CELL_STATUS_TONES[status]} className="min-w-20 justify-center">
      {CELL_STATUS_LABELS[status]}
      {cell.reviewTriggers.length > 0 && <span title="Manual security review required">&nbsp;· review</span>}
    </Badge>
  );
  return (
    <div data-testid={`cell-${cell.environment}`} data-status={status === 'exception' ? 'covered' : status}>
      {reasons.length === 0 ? (
        badge
      ) : (
        <details className="group relative">
          <summary className="cursor-pointer list-none" title={reasons.join('\n')}>
            {badge}
            <span className="sr-only"> — show reasons</span>
          </summary>
          <ul className="absolute left-0 z-10 mt-1 w-80 space-y-1 rounded-md bg-white p-3 text-xs text-slate-700 shadow-lg ring-1 ring-slate-200">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
            {requestHref && status === 'fail' && (
              <li>
                <Link href={requestHref} className="font-medium text-indigo-700 hover:underline">
                  Request exception
                </Link>
              </li>
            )}
          </ul>
        </details>
      )}
    </div>
  );
}
