import { diffJson, type DiffKind } from '@/lib/domain/json-diff';

const KIND_STYLE: Record<DiffKind, { sign: string; className: string }> = {
  added: { sign: '+', className: 'text-emerald-700' },
  removed: { sign: '−', className: 'text-rose-700' },
  changed: { sign: '~', className: 'text-amber-800' },
};

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Before/after of one audit record, as the fields that changed. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const lines = diffJson(before, after);
  if (lines.length === 0) return <p className="text-xs text-slate-500">No field changes recorded.</p>;
  return (
    <table className="text-xs" aria-label="Changes">
      <tbody>
        {lines.map((l) => (
          <tr key={`${l.kind}:${l.path}`} className={KIND_STYLE[l.kind].className}>
            <td className="pr-2 align-top font-mono">{KIND_STYLE[l.kind].sign}</td>
            <td className="pr-3 align-top font-mono font-medium">{l.path || '(value)'}</td>
            <td className="align-top font-mono break-all">
              {l.kind === 'changed' && (
                <>
                  <span className="line-through opacity-70">{show(l.before)}</span> → {show(l.after)}
                </>
              )}
              {l.kind === 'added' && show(l.after)}
              {l.kind === 'removed' && <span className="line-through">{show(l.before)}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
