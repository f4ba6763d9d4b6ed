import { diffJson, type DiffKind } from '@/lib/domain/json-diff';

const KIND_STYLE: Record<DiffKind, { sign: string; className: string }> = {
  added: { sign: '+', className: 'text-emerald-700' },
  removed: { sign: '−', className: 'text-rose-700' },
  changed: { sign: '~', className: 'text-amber-800' },
};

const MAX_CHARS = 120;
const VISIBLE_LINES = 6;

/** Long values (digests, payloads) are cut for reading; the full text is in the tooltip. */
function Value({ v, strike }: { v: unknown; strike?: boolean }) {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  const short = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
  return (
    <span title={short === text ? undefined : text} className={strike ? 'line-through opacity-70' : undefined}>
      {short}
    </span>
  );
}

/** Before/after of one audit record, as the fields that changed. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const lines = diffJson(before, after);
  if (lines.length === 0) return <p className="text-xs text-slate-500">No field changes recorded.</p>;
  const rows = (ls: typeof lines) =>
    ls.map((l) => (
      <tr key={`${l.kind}:${l.path}`} className={KIND_STYLE[l.kind].className}>
        <td className="pr-2 align-top font-mono">{KIND_STYLE[l.kind].sign}</td>
        <td className="pr-3 align-top font-mono font-medium whitespace-nowrap">{l.path || '(value)'}</td>
        <td className="align-top font-mono break-all">
          {l.kind === 'changed' && (
            <>
              <Value v={l.before} strike /> → <Value v={l.after} />
            </>
          )}
          {l.kind === 'added' && <Value v={l.after} />}
          {l.kind === 'removed' && <Value v={l.before} strike />}
        </td>
      </tr>
    ));
  return (
    <table className="w-full text-xs" aria-label="Changes">
      <tbody>{rows(lines.slice(0, VISIBLE_LINES))}</tbody>
      {lines.length > VISIBLE_LINES && (
        <tbody>
          <tr>
            <td colSpan={3}>
              <details>
                <summary className="cursor-pointer text-slate-500">{lines.length - VISIBLE_LINES} more fields</summary>
                <table className="w-full text-xs">
                  <tbody>{rows(lines.slice(VISIBLE_LINES))}</tbody>
                </table>
              </details>
            </td>
          </tr>
        </tbody>
      )}
    </table>
  );
}
