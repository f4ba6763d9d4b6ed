import { diffJson, type DiffKind, type DiffLine } from '@/lib/domain/json-diff';

const KIND_STYLE: Record<DiffKind, { sign: string; className: string }> = {
  added: { sign: '+', className: 'text-emerald-700' },
  removed: { sign: '−', className: 'text-rose-700' },
  changed: { sign: '~', className: 'text-amber-800' },
};

const MAX_CHARS = 120;
/** A diff this short reads at a glance; anything longer waits behind "Show diff". */
const INLINE_LINES = 2;
const INLINE_CHARS = 60;

const textOf = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Long values (digests, payloads) are cut for reading; the full text is in the tooltip. */
function Value({ v, strike }: { v: unknown; strike?: boolean }) {
  const text = textOf(v);
  const short = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
  return (
    <span title={short === text ? undefined : text} className={strike ? 'line-through opacity-70' : undefined}>
      {short}
    </span>
  );
}

function Lines({ lines }: { lines: DiffLine[] }) {
  return (
    <table className="w-full text-xs" aria-label="Changes">
      <tbody>
        {lines.map((l) => (
          <tr key={`${l.kind}:${l.path}`} className={KIND_STYLE[l.kind].className}>
            <td className="pr-2 align-top font-mono">{KIND_STYLE[l.kind].sign}</td>
            <td className="pr-3 align-top font-mono font-medium whitespace-nowrap">{l.path || '(value)'}</td>
            <td className="align-top font-mono [overflow-wrap:anywhere]">
              {l.kind === 'changed' && (
                <>
                  <Value v={l.before} strike /> → <Value v={l.after} />
                </>
              )}
              {l.kind === 'added' && <Value v={l.after} />}
              {l.kind === 'removed' && <Value v={l.before} strike />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const lengthOf = (l: DiffLine) =>
  (l.kind === 'removed' ? 0 : textOf(l.after).length) + (l.kind === 'added' ? 0 : textOf(l.before).length);

/**
 * Before/after of one audit record, as the fields that changed. Short changes show inline; a
 * long one collapses behind "Show diff" so the trail stays one line per record to scan.
 */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const lines = diffJson(before, after);
  if (lines.length === 0) return <p className="text-xs text-slate-500">No field changes recorded.</p>;
  if (lines.length <= INLINE_LINES && lines.every((l) => lengthOf(l) <= INLINE_CHARS)) return <Lines lines={lines} />;
  const fields = lines.map((l) => l.path || '(value)');
  return (
    <details data-testid="audit-diff">
      <summary className="cursor-pointer text-xs text-slate-600">
        <span className="font-medium text-indigo-700">Show diff</span> · {lines.length} field{lines.length === 1 ? '' : 's'}:{' '}
        <span className="font-mono">
          {fields.slice(0, 3).join(', ')}
          {fields.length > 3 ? ', …' : ''}
        </span>
      </summary>
      <div className="mt-1">
        <Lines lines={lines} />
      </div>
    </details>
  );
}
