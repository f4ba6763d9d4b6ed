import Link from 'next/link';
import {
  createTable,
  flexRender,
  getCoreRowModel,
  type ColumnDef,
  type RowData,
  type Table,
  type TableOptionsResolved,
} from '@tanstack/react-table';
import { cn } from '@/components/ui/cn';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Server-side sort key this column's header links to (omit for unsortable columns). */
    sortKey?: string;
    /** Extra classes for the column's cells (e.g. 'text-right', 'whitespace-nowrap'). */
    className?: string;
  }
}

export type SortDir = 'asc' | 'desc';

export interface DataTableProps<T> {
  /** Accessible name of the table. */
  label: string;
  columns: ColumnDef<T, unknown>[];
  rows: T[];
  getRowId: (row: T) => string;
  /** Current server-side sort and the URL for sorting by a key in a direction: headers become links. */
  sort?: { key: string; dir: SortDir; href: (key: string, dir: SortDir) => string };
  /** data-testid of each row: one string, or per row (e.g. `api-key-row-<name>`). */
  rowTestId?: string | ((row: T) => string);
  /** Extra `data-*` attributes of each row (a status tests and styles can read). */
  rowData?: (row: T) => Record<`data-${string}`, string>;
  caption?: React.ReactNode;
  /**
   * Column visibility, kept in the URL like sort and page: the ids hidden now and the URL with
   * another set hidden. Columns with `enableHiding: false` are always shown.
   */
  visibility?: { hidden: readonly string[]; href: (hidden: string[]) => string };
}

/**
 * The one table for every list. TanStack Table's core runs without hooks, so this renders on the
 * server (and in client components alike); sorting and paging happen in the database and live in
 * the URL, so the table only lays out the rows it is given.
 */
export function DataTable<T>({
  label,
  columns,
  rows,
  getRowId,
  sort,
  rowTestId,
  rowData,
  caption,
  visibility,
}: DataTableProps<T>) {
  const columnVisibility = Object.fromEntries((visibility?.hidden ?? []).map((id) => [id, false]));
  const options: TableOptionsResolved<T> = {
    data: rows,
    columns,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    state: {},
    onStateChange: () => undefined,
    renderFallbackValue: null,
  };
  const table = createTable(options);
  table.setOptions((prev) => ({ ...prev, state: { ...table.initialState, columnVisibility } }));

  return (
    <div className="space-y-1">
      {visibility && <ColumnMenu table={table} visibility={visibility} />}
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={label}>
          {caption && <caption className="px-3 py-2 text-left text-xs text-slate-500">{caption}</caption>}
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const active = sort && meta?.sortKey === sort.key;
                  const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={cn('px-3 py-2', meta?.className)}
                      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      {sort && meta?.sortKey ? (
                        <Link
                          href={sort.href(meta.sortKey, active && sort.dir === 'asc' ? 'desc' : 'asc')}
                          className="inline-flex items-center gap-1 hover:text-slate-900"
                          scroll={false}
                        >
                          {content}
                          <span aria-hidden="true">{active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
                        </Link>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                data-testid={typeof rowTestId === 'function' ? rowTestId(row.original) : rowTestId}
                data-id={row.id}
                {...rowData?.(row.original)}
                className="hover:bg-slate-50"
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cn('px-3 py-2', cell.column.columnDef.meta?.className)}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** "Columns" menu: each hideable column is a link that toggles it in the URL (no JavaScript needed). */
function ColumnMenu<T>({ table, visibility }: { table: Table<T>; visibility: NonNullable<DataTableProps<T>['visibility']> }) {
  const hideable = table.getAllLeafColumns().filter((c) => c.getCanHide());
  if (hideable.length === 0) return null;
  return (
    <details className="relative flex justify-end text-xs" data-testid="column-menu">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 font-medium text-slate-600 ring-1 ring-slate-200 hover:bg-slate-50">
        Columns{visibility.hidden.length ? ` (${visibility.hidden.length} hidden)` : ''}
      </summary>
      <ul className="absolute top-7 right-0 z-10 w-48 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200">
        {hideable.map((c) => {
          const shown = c.getIsVisible();
          const next = shown ? [...visibility.hidden, c.id] : visibility.hidden.filter((id) => id !== c.id);
          const header = c.columnDef.header;
          return (
            <li key={c.id}>
              <Link
                href={visibility.href(next)}
                scroll={false}
                className="flex items-center gap-2 rounded px-2 py-1 text-slate-700 hover:bg-slate-50"
                aria-pressed={shown}
              >
                <span aria-hidden="true" className="w-3">
                  {shown ? '✓' : ''}
                </span>
                {typeof header === 'string' ? header : c.id}
              </Link>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
