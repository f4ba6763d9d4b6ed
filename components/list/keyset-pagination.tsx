import { Pagination } from '@/components/tables/pagination';
import { formatNumber } from '@/components/ui/format';

/** What a keyset-paged list operation answers besides its rows (lib/server/inventory/inventory-keyset.ts). */
export interface KeysetPage {
  page: number;
  pageCount: number;
  totalIsLowerBound: boolean;
  nextCursor: string | null;
  prevCursor: string | null;
}

/**
 * Previous / next under a keyset-paged list: the cursor rides in the URL (`after` or `before`,
 * with the page number for the reader), so a deep page is a link like any other and costs what
 * the first one costs. Going back to page 1 drops the cursor, so the first page has a clean address.
 */
export function KeysetPagination({
  label,
  list,
  href,
}: {
  label: string;
  list: KeysetPage;
  href: (change: { page: number; after?: string; before?: string }) => string;
}) {
  const prevHref = !list.prevCursor
    ? null
    : list.page <= 2
      ? href({ page: 1, after: undefined, before: undefined })
      : href({ page: list.page - 1, after: undefined, before: list.prevCursor });
  const nextHref = list.nextCursor ? href({ page: list.page + 1, after: list.nextCursor, before: undefined }) : null;
  return (
    <Pagination
      label={label}
      prevHref={prevHref}
      nextHref={nextHref}
      summary={`Page ${formatNumber(list.page)} of ${formatNumber(list.pageCount)}${list.totalIsLowerBound ? '+' : ''}`}
    />
  );
}
