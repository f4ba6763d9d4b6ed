import type { ToolDataFlow } from '@/lib/server/data-flows/get-tool-data-flow';
import { formatDateTime } from '@/components/ui/format';
import { ChangesTable } from '@/components/history/changes-table';
import { DataFlowStatusBadge } from './data-flow-badges';

/** Every version of a tool's map, newest first, with who wrote or confirmed it and what changed. */
export function DataFlowHistory({ history }: { history: ToolDataFlow['history'] }) {
  return (
    <ol className="space-y-3" aria-label="Versions of the map">
      {history.map((h) => (
        <li key={h.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="flow-version">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-semibold">Revision {h.revision}</span>
            <DataFlowStatusBadge status={h.status} review={h.reviewReasons.length > 0} />
            <span className="text-slate-600">
              {h.author ? `by ${h.author.name}` : 'derived by ToolLedger'}
              {h.confirmedBy && h.confirmedBy.email !== h.author?.email && `, confirmed by ${h.confirmedBy.name}`},{' '}
              {formatDateTime(h.createdAt)}
              {h.toolVersion && ` · version ${h.toolVersion.version}`}
            </span>
          </div>
          {h.note && <p className="mt-1 text-slate-700">{h.note}</p>}
          <ChangesTable changes={h.changes} label="Changes from the previous version" long />
        </li>
      ))}
    </ol>
  );
}
