import type { ReactNode } from 'react';
import { formatDate, formatDateTime } from '@/components/ui/format';
import type { DiffLine } from '@/lib/domain/json-diff';
import type { VendorConclusion, VendorOverride, VendorRating } from '@/lib/domain/vendors/review';
import { VendorConclusionBadge, VendorRatingBadge } from './vendor-badges';

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

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
          {(a.overrides as VendorOverride[]).map((o) => (
            <p key={o.field} className="mt-1 text-amber-800">
              Overrode the suggested {o.field} {o.suggested.toLowerCase()} with {o.chosen.toLowerCase()}: “{o.reason}”
            </p>
          ))}
          {a.changes.length > 0 && (
            <table className="mt-2 text-xs" aria-label="Changes from the previous review">
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
