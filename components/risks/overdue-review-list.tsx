import Link from 'next/link';
import { formatDate } from '@/components/ui/format';
import type { OverdueReview } from '@/lib/server/risks/get-risk-overview';

const KIND_LABELS: Record<OverdueReview['kind'], string> = { tool: 'Tool risk', publisher: 'Publisher', registry: 'Registry' };

/** The longest-overdue reviews on the overview: which tool, publisher or registry, and since when. */
export function OverdueReviewList({ reviews }: { reviews: OverdueReview[] }) {
  if (reviews.length === 0) return null;
  return (
    <section aria-label="Overdue reviews" className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
      <h3 className="text-xs text-slate-500">Overdue reviews, longest first</h3>
      <ul className="mt-1 space-y-1 text-sm" data-testid="overdue-reviews">
        {reviews.map((r) => (
          <li key={r.href}>
            <span className="text-slate-500">{KIND_LABELS[r.kind]}</span>{' '}
            <Link href={r.href} className="font-medium text-indigo-700 hover:underline">
              {r.name}
            </Link>{' '}
            <span className="text-rose-700">due {formatDate(r.dueAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
