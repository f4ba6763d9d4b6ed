import type { ReactNode } from 'react';
import { formatDate, formatDateTime } from '@/components/ui/format';
import type { DiffLine } from '@/lib/domain/json-diff';
import type { VendorConclusion, VendorOverride, VendorRating } from '@/lib/domain/vendors/review';
import { ChangesTable, OverrideNotes } from '@/components/history/changes-table';
import { VendorConclusionBadge, VendorRatingBadge } from './vendor-badges';

export interface VendorHistoryEntry {
  id: string;
  reviewedAt: Date;
  reviewer: { name: string };
  rating: VendorRating;
  conclusion: VendorConclusion;
  owner: string;
  notes: string;
  nextReviewAt: Date;
  overrides: unknown;
  changes: DiffLine[];
}

/** Every review of a vendor, newest first, with the overrides and what changed since the one before. */
export function VendorReviewHistory<E extends VendorHistoryEntry>({
  history,
  details,
}: {
  history: E[];
  /** The kind's own facts of one review (identity, or how it verifies and signs). */
  details: (entry: E) => ReactNode;
}) {
  return (
    <ol className="space-y-3" aria-label="Review history">
      {history.map((a, n) => (
        <li key={a.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="vendor-history-entry">
          <p className="flex flex-wrap items-center gap-2">
            <strong>{formatDateTime(a.reviewedAt)}</strong> by {a.reviewer.name}
            {n === 0 && <span className="text-xs text-slate-500">(current)</span>}
            <VendorRatingBadge rating={a.rating} />
            <VendorConclusionBadge conclusion={a.conclusion} />
            <span>· owner {a.owner}</span>
            <span>· next review {formatDate(a.nextReviewAt)}</span>
          </p>
          {details(a)}
          {a.notes && <p className="mt-1 text-slate-700">Conclusion: {a.notes}</p>}
          <OverrideNotes
            overrides={(a.overrides as VendorOverride[]).map((o) => ({
              ...o,
              suggested: o.suggested.toLowerCase(),
              chosen: o.chosen.toLowerCase(),
            }))}
          />
          <ChangesTable changes={a.changes} label="Changes from the previous review" />
        </li>
      ))}
    </ol>
  );
}
