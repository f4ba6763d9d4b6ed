import { Card } from '@/components/ui/card';
import { FilterBar, type FilterBarProps } from './filter-bar';
import { QueryIssues } from './filters';

// Where the list is (page, keyset cursors) is not a filter: moving through pages keeps the bar as it is.
const POSITION = new Set(['page', 'before', 'after']);

/**
 * The top of a list page: what the address had that the page could not read, then the filter bar
 * in its card. The bar is rebuilt when the filters in the address change, except for the free-text
 * fields named in `typed` (rebuilding under the person's fingers would lose what they type).
 * Hidden columns (`query.hide`) are kept when a filter changes.
 */
export function ListFilters({
  query,
  issues,
  typed = [],
  keep,
  ...bar
}: Omit<FilterBarProps, 'keep'> & {
  query: { hide?: readonly string[] } & object;
  issues: { path: string; message: string }[];
  typed?: readonly string[];
  keep?: FilterBarProps['keep'];
}) {
  const shown = Object.entries(query).filter(([k]) => !POSITION.has(k) && !typed.includes(k));
  return (
    <>
      <QueryIssues issues={issues} />
      <Card>
        <FilterBar key={JSON.stringify(shown)} {...bar} keep={{ ...keep, hide: query.hide?.join(',') || undefined }} />
      </Card>
    </>
  );
}
