import 'server-only';
import type { z } from 'zod';
import type { Permission } from '@/lib/auth/permissions';
import type { OperationCall } from '@/lib/server/operation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import {
  buildHref,
  parseSearchParams,
  ZHiddenColumns,
  type QueryValue,
  type RawSearchParams,
} from '@/lib/validation/search-params';
import { filterFields } from './filters';

export interface ListPageSpec<S extends z.ZodObject, T> {
  /** The page's URL path, for every link it builds (filters, columns, pages). */
  path: string;
  permission: Permission;
  /** The list operation's query schema; the page adds the hidden-columns parameter itself. */
  schema: S;
  searchParams: Promise<RawSearchParams>;
  /** The list operation (`lib/server`), called as the signed-in person. */
  load: (call: OperationCall<z.infer<S>>) => Promise<T>;
  /** How the URL spells values the schema parses; by default a ticked checkbox is `1` and defaults are left out of links. */
  toUrl?: (query: z.infer<S>) => Record<string, QueryValue>;
}

/**
 * What every list page does before it renders: the person and their permission, the URL parsed
 * by the query schema (problems reported on the page, never a 500), the list loaded as that
 * person, the filter fields with their errors, and the link builder for pages and columns.
 */
export async function loadListPage<S extends z.ZodObject, T>(spec: ListPageSpec<S, T>) {
  const user = await requirePageUser(spec.permission);
  const pageSchema = spec.schema.extend({ hide: ZHiddenColumns });
  const { query, issues } = parseSearchParams(pageSchema, await spec.searchParams);
  const { hide = [], ...rest } = query as z.infer<S> & { hide?: string[] };
  const filter = rest as z.infer<S>;
  const data = await spec.load({ actor: actorOf(user), input: filter });
  const toUrl = spec.toUrl ?? checkboxesAsOne;
  const href = (change: Record<string, unknown>) =>
    buildHref(
      spec.path,
      { ...toUrl({ ...filter, ...change } as z.infer<S>), hide: (change.hide as string[] | undefined) ?? hide },
      { page: 1, pageSize: 25 },
    );
  return {
    user,
    query,
    filter,
    issues,
    hide,
    data,
    /** Props of one filter control: its name, current value and error. */
    f: filterFields(filter as object, issues) as unknown as (name: keyof z.infer<S> & string) => {
      name: string;
      value: string | undefined;
      error: string | undefined;
    },
    href,
    /** The props ListFilters needs from the address: spread them, add the label and controls. */
    bar: { query, issues, path: spec.path },
    /** The props ListResults needs from the list: spread them, add the nouns and empty state. */
    results: { list: data, href },
    /** Column visibility for DataTable: hidden columns and the link that changes them. */
    visibility: { hidden: hide, href: (h: string[]) => href({ hide: h }) },
  };
}

/** A ticked checkbox filter (a boolean once parsed) is spelled `1` in the address, as the form sends it. */
function checkboxesAsOne(query: object): Record<string, QueryValue> {
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v === true ? '1' : v])) as Record<string, QueryValue>;
}
