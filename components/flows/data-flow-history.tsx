import type { ToolDataFlow } from '@/lib/server/data-flows/get-tool-data-flow';
import { formatDateTime } from '@/components/ui/format';
import { DataFlowStatusBadge } from './data-flow-badges';

const show = (v: unknown) => {
  const text = v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
};

/** Every version of a tool's map, newest first, with who wrote or confirmed it and what changed. */
export function DataFlowHistory({ history }: { history: ToolDataFlow['history'] }) {
  return (
    <ol className="space-y-3" aria-label="Versions of the map">
      {history.map((h) => (
        <li key={h.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="flow-version">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-semibold">Revision {h.revision}</span>
            <DataFlowStatusBadge status={h.status} />
            <span className="text-slate-600">
              {h.author ? `by ${h.author.name}` : 'derived by ToolLedger'}
              {h.confirmedBy && h.confirmedBy.email !== h.author?.email && `, confirmed by ${h.confirmedBy.name}`},{' '}
              {formatDateTime(h.createdAt)}
              {h.toolVersion && ` · version ${h.toolVersion.version}`}
            </span>
          </div>
          {h.note && <p className="mt-1 text-slate-700">{h.note}</p>}
          {h.changes.length > 0 && (
            <table className="mt-2 text-xs" aria-label="Changes from the previous version">
              <thead>
                <tr className="text-left text-slate-500">
                  <th className="pr-4 font-normal">Changed</th>
                  <th className="pr-4 font-normal">Before</th>
                  <th className="font-normal">After</th>
                </tr>
              </thead>
              <tbody>
                {h.changes.map((c) => (
                  <tr key={`${c.path}-${c.kind}`} className="align-top">
                    <td className="pr-4 font-medium">{c.path}</td>
                    <td className="max-w-md pr-4 break-words text-slate-600">{show(c.before)}</td>
                    <td className="max-w-md break-words">{show(c.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
    </ol>
  );
}
