import type { DiffLine } from '@/lib/domain/json-diff';

const text = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
const clipped = (v: unknown) => {
  const t = text(v);
  return t.length > 300 ? `${t.slice(0, 299)}…` : t;
};

const SHORT = { row: undefined, path: 'pr-4 font-mono', before: 'pr-4 text-rose-700', after: 'text-emerald-700', show: text };
const LONG = {
  row: 'align-top',
  path: 'pr-4 font-medium',
  before: 'max-w-md pr-4 break-words text-slate-600',
  after: 'max-w-md break-words',
  show: clipped,
};

/**
 * What changed from the previous version of a record (assessment, review, map): one row per
 * changed path, before and after. `long` values (whole map sections) wrap and are cut at 300 characters.
 */
export function ChangesTable({ changes, label, long = false }: { changes: readonly DiffLine[]; label: string; long?: boolean }) {
  if (changes.length === 0) return null;
  const cells = long ? LONG : SHORT;
  return (
    <table className="mt-2 text-xs" aria-label={label}>
      <thead>
        <tr className="text-left text-slate-500">
          <th className="pr-4 font-normal">Changed</th>
          <th className="pr-4 font-normal">Before</th>
          <th className="font-normal">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={`${c.path}-${c.kind}`} className={cells.row}>
            <td className={cells.path}>{c.path}</td>
            <td className={cells.before}>{cells.show(c.before)}</td>
            <td className={cells.after}>{cells.show(c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The suggestions a person overrode in one version, each with their reason. */
export function OverrideNotes({
  overrides,
}: {
  overrides: readonly { field: string; suggested: string | number; chosen: string | number; reason: string }[];
}) {
  return overrides.map((o) => (
    <p key={o.field} className="mt-1 text-amber-800">
      Overrode the suggested {o.field} {o.suggested} with {o.chosen}: “{o.reason}”
    </p>
  ));
}
