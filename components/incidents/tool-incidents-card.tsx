import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { IncidentStatusBadge, QuarantineBadge, SeverityBadge } from '@/components/incidents/incident-badges';
import { incidentRef, SCENARIO_LABELS } from '@/lib/domain/incidents/labels';
import type { ToolIncidents } from '@/lib/server/incidents/list-tool-incidents';

/** The tool page's incidents card: quarantines (in force first) and the incidents that concern the tool. */
export function ToolIncidentsCard({ toolId, data, canOpen }: { toolId: string; data: ToolIncidents; canOpen: boolean }) {
  const inForce = data.quarantines.filter((q) => !q.liftedAt).length;
  return (
    <Card
      title={`Incidents and quarantines${inForce ? ` (${inForce} quarantine${inForce === 1 ? '' : 's'} in force)` : ''}`}
      actions={
        canOpen && (
          <Link href={`/incidents/new?toolId=${toolId}`} className={buttonClass('secondary', 'sm')}>
            Open incident
          </Link>
        )
      }
    >
      <div data-testid="tool-incidents" className="space-y-3">
        {data.quarantines.length === 0 && data.incidents.length === 0 && (
          <p className="text-sm text-slate-500">No incident concerns this tool.</p>
        )}
        {data.quarantines.length > 0 && (
          <ul className="space-y-1 text-sm">
            {data.quarantines.map((q) => (
              <li key={q.id} className="flex flex-wrap items-center gap-2" data-testid="tool-quarantine">
                <QuarantineBadge lifted={q.liftedAt !== null} />
                <span className="font-mono text-xs">{q.versions.length ? q.versions.join(', ') : 'every version'}</span>
                <Link href={`/incidents/${q.incident.id}`} className="text-indigo-700 hover:underline">
                  {incidentRef(q.incident.number)}
                </Link>
                <span className="text-slate-600">
                  {q.reason} ({formatDateTime(q.quarantinedAt)}
                  {q.liftedAt ? `; lifted ${formatDateTime(q.liftedAt)}: ${q.liftReason}` : ''})
                </span>
              </li>
            ))}
          </ul>
        )}
        {data.incidents.length > 0 && (
          <ul className="space-y-1 border-t border-slate-100 pt-2 text-sm">
            {data.incidents.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/incidents/${i.id}`} className="font-medium text-indigo-700 hover:underline">
                  {incidentRef(i.number)} {i.title}
                </Link>
                <span className="text-slate-500">{SCENARIO_LABELS[i.scenario]}</span>
                <SeverityBadge severity={i.severity} />
                <IncidentStatusBadge status={i.status} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
