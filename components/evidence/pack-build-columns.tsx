import type { ColumnDef } from '@tanstack/react-table';
import { formatDateTime, formatNumber } from '@/components/ui/format';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import type { EvidencePackBuildView } from '@/lib/server/evidence/builds/evidence-pack-build-view';
import { BuildStateBadge } from './build-state-badge';

export function scopeText(b: Pick<EvidencePackBuildView, 'environments' | 'toolIds'>): string {
  const envs = b.environments.length
    ? b.environments.map((e) => ENVIRONMENT_LABELS[e as keyof typeof ENVIRONMENT_LABELS] ?? e).join(', ')
    : 'All environments';
  return b.toolIds.length ? `${envs}; ${b.toolIds.length} tool(s)` : `${envs}; all tools`;
}

/** Progress as words: what a reader (and a screen reader) needs while a build runs. */
export function progressText(b: EvidencePackBuildView): string {
  if (b.state === 'RUNNING')
    return `${b.cancelRequested ? 'Stopping… ' : ''}${b.stepsDone} of ${b.stepsTotal} steps${b.currentStep ? `: ${b.currentStep}` : ''}`;
  if (b.state === 'SUCCEEDED') return `${formatNumber(b.recordsTotal)} records, ${formatNumber(b.sizeBytes)} bytes`;
  if (b.state === 'FAILED') return b.error ?? 'Failed';
  if (b.state === 'CANCELLED') return 'Cancelled; no pack was kept';
  return 'Waiting for the runner';
}

/** Columns shared by the evidence page and an audit's packs; `actions` renders the last cell. */
export function packBuildColumns(
  actions: (b: EvidencePackBuildView) => React.ReactNode,
): ColumnDef<EvidencePackBuildView, unknown>[] {
  return [
    {
      id: 'period',
      header: 'Period',
      meta: { className: 'whitespace-nowrap' },
      cell: ({ row: { original: b } }) => `${b.periodFrom} → ${b.periodTo}`,
    },
    { id: 'scope', header: 'Scope', cell: ({ row }) => scopeText(row.original) },
    { id: 'state', header: 'State', cell: ({ row }) => <BuildStateBadge state={row.original.state} /> },
    {
      id: 'progress',
      header: 'Progress',
      cell: ({ row: { original: b } }) => (
        <div className="min-w-48 space-y-1">
          {b.state === 'RUNNING' && (
            <progress className="h-2 w-full" max={Math.max(1, b.stepsTotal)} value={b.stepsDone} aria-label="Build progress" />
          )}
          <p className="text-xs text-slate-600" data-testid="build-progress">
            {progressText(b)}
          </p>
          {b.sha256 && <p className="font-mono text-[10px] break-all text-slate-500">SHA-256 {b.sha256}</p>}
        </div>
      ),
    },
    {
      id: 'requested',
      header: 'Requested',
      cell: ({ row: { original: b } }) => (
        <span className="text-xs whitespace-nowrap">
          {formatDateTime(b.createdAt)}
          <br />
          {b.requestedBy}
        </span>
      ),
    },
    { id: 'actions', header: '', cell: ({ row }) => actions(row.original) },
  ];
}
