import { cn } from '@/components/ui/cn';
import { DIMENSIONS, DIMENSION_LABELS, formatLevel, levelRank, type PermissionDimension } from '@/lib/domain/permissions';
import type { PermissionSet } from '@/lib/domain/types';

const SHORT: Record<PermissionDimension, string> = {
  network: 'Net',
  filesystem: 'FS',
  codeExecution: 'Code',
  dataAccess: 'Data',
};
// Lowest level quiet, middle amber, highest red: the eye finds the risky tools down the column.
const RANK_CLASS = [
  'bg-slate-50 text-slate-600 ring-slate-200',
  'bg-amber-50 text-amber-800 ring-amber-300',
  'bg-rose-50 text-rose-700 ring-rose-300',
];

/**
 * The four permission levels as one line of joined badges (network, filesystem, code
 * execution, data access), instead of four stacked rows; the full words are in the tooltip
 * and for screen readers.
 */
export function PermissionStrip({ permissions }: { permissions: PermissionSet }) {
  return (
    <ul
      className="inline-flex overflow-hidden rounded-md text-[11px] leading-5 font-medium whitespace-nowrap ring-1 ring-slate-200"
      aria-label="Permissions"
    >
      {DIMENSIONS.map((d, i) => {
        const level = permissions[d];
        const label = `${DIMENSION_LABELS[d]}: ${formatLevel(d, level)}`;
        return (
          <li
            key={d}
            title={label}
            data-testid={`cell-${d}`}
            data-level={level}
            className={cn('px-1.5 ring-1 ring-inset', RANK_CLASS[levelRank(d, level)], i > 0 && 'border-l border-white')}
          >
            <span aria-hidden="true">
              <span className="opacity-60">{SHORT[d]}</span> {formatLevel(d, level).toLowerCase()}
            </span>
            <span className="sr-only">{label}</span>
          </li>
        );
      })}
    </ul>
  );
}
