import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { formatNumber } from '@/components/ui/format';

type PaginationProps =
  /** Numbered pages (OFFSET paging): page N of M. */
  | { label: string; page: number; pageCount: number; href: (page: number) => string }
  /** Keyset pages (append-only logs): newer / older links, no page count. */
  | {
      label: string;
      prevHref: string | null;
      nextHref: string | null;
      prevLabel?: string;
      nextLabel?: string;
      summary?: React.ReactNode;
    };

/** Previous / next links under every list; where the list is lives in the URL. */
export function Pagination(props: PaginationProps) {
  let prev: string | null;
  let next: string | null;
  let middle: React.ReactNode;
  if ('page' in props) {
    const { page, pageCount, href } = props;
    if (pageCount <= 1 && page <= 1) return null;
    prev = page > 1 ? href(Math.min(page - 1, pageCount)) : null;
    next = page < pageCount ? href(page + 1) : null;
    middle = `Page ${formatNumber(page)} of ${formatNumber(pageCount)}`;
  } else {
    if (!props.prevHref && !props.nextHref) return null;
    prev = props.prevHref;
    next = props.nextHref;
    middle = props.summary;
  }
  const prevLabel = 'prevLabel' in props && props.prevLabel ? props.prevLabel : '← Previous';
  const nextLabel = 'nextLabel' in props && props.nextLabel ? props.nextLabel : 'Next →';
  return (
    <nav aria-label={props.label} className="flex items-center justify-between gap-4 text-sm">
      {prev ? (
        <Link className={buttonClass('secondary', 'sm')} href={prev} rel="prev">
          {prevLabel}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">{middle}</span>
      {next ? (
        <Link className={buttonClass('secondary', 'sm')} href={next} rel="next">
          {nextLabel}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
