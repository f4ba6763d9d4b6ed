import { canonicalJson } from './canonical-json';

export type DiffKind = 'added' | 'removed' | 'changed';

export interface DiffLine {
  /** Dotted path to the value, e.g. `policy.maxNetwork`; '' when the whole value is a scalar. */
  path: string;
  kind: DiffKind;
  before?: unknown;
  after?: unknown;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/**
 * A readable diff of two JSON values (an audit record's before/after): nested objects are
 * walked key by key; arrays and scalars are compared whole, because a reviewer reads a
 * changed list of scopes as one change. Unchanged keys are left out. Keys come sorted.
 */
export function diffJson(before: unknown, after: unknown, path = ''): DiffLine[] {
  const b = before ?? undefined;
  const a = after ?? undefined;
  if (isPlainObject(b) && isPlainObject(a)) {
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    return keys.flatMap((k) => diffJson(b[k], a[k], path ? `${path}.${k}` : k));
  }
  if (b === undefined && a === undefined) return [];
  if (b === undefined) return expand(a, path, 'added');
  if (a === undefined) return expand(b, path, 'removed');
  if (canonicalJson(b) === canonicalJson(a)) return [];
  return [{ path, kind: 'changed', before: b, after: a }];
}

/** A whole object added or removed is listed leaf by leaf, so it reads like the changed case. */
function expand(value: unknown, path: string, kind: 'added' | 'removed'): DiffLine[] {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    return Object.keys(value)
      .sort()
      .flatMap((k) => expand(value[k], path ? `${path}.${k}` : k, kind));
  }
  if (value === undefined) return [];
  return [kind === 'added' ? { path, kind, after: value } : { path, kind, before: value }];
}
