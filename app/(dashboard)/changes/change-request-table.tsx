import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { CHANGE_KIND_LABELS } from '@/lib/domain/change-requests/state-machine';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import type { ChangeRequestRow } from '@/lib/server/change-requests/change-request-rows';
import { ChangeStateBadge, dateTime, OverdueBadge } from './change-badges';

export function ChangeRequestTable({ rows, label }: { rows: ChangeRequestRow[]; label: string }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={label}>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Tool</th>
            <th scope="col" className="px-4 py-2">Kind</th>
            <th scope="col" className="px-4 py-2">Agent</th>
            <th scope="col" className="px-4 py-2">Environment</th>
            <th scope="col" className="px-4 py-2">State</th>
            <th scope="col" className="px-4 py-2">Requested by</th>
            <th scope="col" className="px-4 py-2">Due (UTC)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} data-testid="change-request-row" data-id={r.id}>
              <td className="px-4 py-2 font-medium">
                <Link href={`/changes/${r.id}`} className="text-indigo-700 hover:underline">
                  {r.toolName} {r.version ?? ''}
                </Link>
                {r.source !== 'USER' && (
                  <Badge tone="gray" className="ml-2">
                    {r.source === 'FAST_TRACK' ? 'Fast-track' : 'From enforcement'}
                  </Badge>
                )}
              </td>
              <td className="px-4 py-2 whitespace-nowrap">{CHANGE_KIND_LABELS[r.kind]}</td>
              <td className="px-4 py-2 font-mono text-xs">{r.agentName ?? '—'}</td>
              <td className="px-4 py-2">{ENVIRONMENT_LABELS[r.environment]}</td>
              <td className="px-4 py-2">
                <ChangeStateBadge state={r.state} />
              </td>
              <td className="px-4 py-2 whitespace-nowrap">{r.requesterName}</td>
              <td className="px-4 py-2 whitespace-nowrap">
                {dateTime.format(r.dueAt)} {r.overdue && <OverdueBadge hours={r.hoursOverdue} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
