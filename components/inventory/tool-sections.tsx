import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { ENVIRONMENTS, ENVIRONMENT_LABELS } from '@/lib/domain/types';
import type { ToolDetail } from '@/lib/server/inventory/get-tool-detail';
import { HeadRow } from '@/components/ui/head-row';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const STATE_TONES: Record<string, BadgeTone> = {
  REQUESTED: 'yellow',
  APPROVED: 'blue',
  ACTIVE: 'green',
  REVOKED: 'gray',
  BLOCKED: 'red',
};
const SEVERITY_TONES: Record<string, BadgeTone> = { LOW: 'gray', MEDIUM: 'yellow', HIGH: 'red', CRITICAL: 'red' };

/** Agents using the tool, grouped by environment, with the installed version and its state. */
export function InstallationsByEnvironment({ detail }: { detail: ToolDetail }) {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      {ENVIRONMENTS.map((env) => {
        const list = detail.installationsByEnvironment.get(env) ?? [];
        return (
          <section key={env} aria-label={ENVIRONMENT_LABELS[env]} data-testid={`installations-${env}`}>
            <h3 className="text-sm font-semibold text-slate-800">
              {ENVIRONMENT_LABELS[env]}{' '}
              <span className="font-normal text-slate-500">({list.filter((i) => i.state !== 'REVOKED').length} in use)</span>
            </h3>
            {list.length === 0 ? (
              <p className="mt-1 text-xs text-slate-500">No agent has it.</p>
            ) : (
              <ul className="mt-1 space-y-1 text-sm">
                {list.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center gap-2">
                    <span className="font-mono text-xs">{i.agent.name}</span>
                    <span className="font-mono text-xs text-slate-500">{i.toolVersion.version}</span>
                    <Badge tone={STATE_TONES[i.state] ?? 'gray'}>{i.state.toLowerCase()}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

export function OpenAlerts({ alerts }: { alerts: ToolDetail['alerts'] }) {
  if (alerts.length === 0) return <p className="text-sm text-slate-500">No open alerts.</p>;
  return (
    <ul className="space-y-2 text-sm" data-testid="tool-alerts">
      {alerts.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center gap-2">
          <Badge tone={SEVERITY_TONES[a.severity] ?? 'gray'}>{a.severity.toLowerCase()}</Badge>
          <span className="font-medium">{a.title}</span>
          <span className="font-mono text-xs text-slate-500">{a.kind}</span>
          <Badge tone={a.state === 'OPEN' ? 'red' : 'yellow'}>{a.state.toLowerCase()}</Badge>
          <span className="text-xs text-slate-500">{dateTime.format(a.createdAt)} UTC</span>
        </li>
      ))}
    </ul>
  );
}

/** The tool's and its versions' audit records, newest first. */
export function ToolAuditHistory({ detail }: { detail: ToolDetail }) {
  if (detail.audit.length === 0) return <p className="text-sm text-slate-500">No changes recorded for this tool yet.</p>;
  return (
    <div className="space-y-2">
      <table className="min-w-full text-sm" aria-label="Audit history">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <HeadRow labels={['#', 'When (UTC)', 'Actor', 'Action', 'Entity']} />
        </thead>
        <tbody className="divide-y divide-slate-100">
          {detail.audit.map((e) => (
            <tr key={e.seq} data-testid="tool-audit-row">
              <td className="px-2 py-1 font-mono text-xs text-slate-500">{e.seq}</td>
              <td className="px-2 py-1 whitespace-nowrap">{dateTime.format(e.occurredAt)}</td>
              <td className="px-2 py-1">{e.actorLabel}</td>
              <td className="px-2 py-1 font-mono text-xs">{e.action}</td>
              <td className="px-2 py-1 text-xs">{e.entityType}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Link className="text-sm text-indigo-700 hover:underline" href={`/audit?entityType=Tool&entityId=${detail.tool.id}`}>
        Open in the audit trail{detail.auditTruncated ? ' (older records there)' : ''}
      </Link>
    </div>
  );
}
