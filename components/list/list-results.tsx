import { Pagination } from '@/components/tables/pagination';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount } from '@/components/ui/format';

/**
 * Under a list's filters: how many match, the table (or why there is none), and the pages.
 * `page`/`pageSize`/`total` come from the list operation's answer.
 */
export function ListResults({
  list,
  noun,
  plural,
  summary,
  empty,
  pagesLabel,
  href,
  children,
}: {
  list: { total: number; page: number; pageSize: number; rows: readonly unknown[] };
  noun: string;
  plural?: string;
  /** Said after the count (", 3 overdue"). */
  summary?: React.ReactNode;
  empty: { title: string; body: React.ReactNode };
  pagesLabel: string;
  href: (change: { page: number }) => string;
  children: React.ReactNode;
}) {
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <>
      <p className="text-sm text-slate-600">
        {formatCount(list.total, noun, plural)}
        {summary}
      </p>
      {list.rows.length === 0 ? <EmptyState title={empty.title}>{empty.body}</EmptyState> : children}
      <Pagination label={pagesLabel} page={list.page} pageCount={pageCount} href={(page) => href({ page })} />
    </>
  );
}
