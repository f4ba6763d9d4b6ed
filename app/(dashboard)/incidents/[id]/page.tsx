import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { forbiddenOnRefusal } from '@/lib/server/guards/forbidden-on-refusal';
import { AppError } from '@/lib/server/errors';
import { getIncident } from '@/lib/server/incidents/get-incident';
import { checkAct, checkLift } from '@/lib/domain/incidents/status';
import { incidentRef, LINK_KIND_LABELS, SCENARIO_LABELS, STATUS_LABELS } from '@/lib/domain/incidents/labels';
import { PHASE_LABELS, PLAYBOOK_PHASES } from '@/lib/domain/incidents/playbooks';
import { isTimelineKind, TIMELINE_LABELS } from '@/lib/domain/incidents/timeline';
import { IncidentStatusBadge, QuarantineBadge, SeverityBadge } from '@/components/incidents/incident-badges';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { AdvanceForm, LiftForm, LinkForm, NoteForm, QuarantineForm, StepDoneForm } from './incident-forms';

export const metadata: Metadata = { title: 'Incident' };

const fact = (label: string, value: React.ReactNode) => (
  <div>
    <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
    <dd className="mt-0.5 text-sm whitespace-pre-line text-slate-900">{value}</dd>
  </div>
);
const linkClass = 'text-indigo-700 hover:underline';

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('incident:read');
  const { id } = await params;
  const i = await getIncident({ actor: actorOf(user), input: { id } }).catch((err: unknown) => {
    if (err instanceof AppError && (err.status === 404 || err.status === 400)) return null;
    // An auditor asking for a record outside their open audits (refused and logged by the read).
    return forbiddenOnRefusal(err);
  });
  if (!i) notFound();
  // The rules the server enforces decide which controls are offered.
  const mayAct = can(user.role, 'incident:respond') && checkAct({ status: i.status, role: user.role }).ok;
  const mayLift = can(user.role, 'incident:lift') && checkLift({ role: user.role, liftedAt: null }).ok;

  return (
    <div className="space-y-6" data-testid="incident" data-incident-id={i.id}>
      <PageHeader
        title={`${incidentRef(i.number)}: ${i.title}`}
        description={`${SCENARIO_LABELS[i.scenario]} · opened ${formatDateTime(i.openedAt)} by ${i.openedByName}`}
        actions={
          <span className="flex items-center gap-2">
            <SeverityBadge severity={i.severity} />
            <IncidentStatusBadge status={i.status} />
          </span>
        }
      />
      <Card title="Incident">
        <dl className="grid gap-4 sm:grid-cols-2">
          {fact('Owner', i.ownerName)}
          {fact('Status', i.closedAt ? `${STATUS_LABELS[i.status]} on ${formatDateTime(i.closedAt)}` : STATUS_LABELS[i.status])}
          {fact('What is known', i.summary)}
          {i.lessonsLearned && fact('Lessons learned', i.lessonsLearned)}
        </dl>
      </Card>

      <Card title="Quarantines">
        {i.quarantines.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing quarantined by this incident.</p>
        ) : (
          <ul className="space-y-4">
            {i.quarantines.map((q) => (
              <li key={q.id} className="space-y-1 border-b border-slate-100 pb-3 last:border-0" data-testid="quarantine">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <QuarantineBadge lifted={q.liftedAt !== null} />
                  <Link href={`/inventory/${q.tool.id}`} className={linkClass}>
                    {q.tool.name}
                  </Link>
                  <span className="font-mono text-xs">
                    {q.versions.length ? q.versions.map((v) => v.version).join(', ') : 'every version'}
                  </span>
                </p>
                <p className="text-sm text-slate-700">
                  {q.reason} — {q.quarantinedByName}, {formatDateTime(q.quarantinedAt)}
                </p>
                {q.liftedAt ? (
                  <p className="text-sm text-slate-700">
                    Lifted by {q.liftedByName} on {formatDateTime(q.liftedAt)}: {q.liftReason}
                  </p>
                ) : mayLift ? (
                  <LiftForm quarantineId={q.id} />
                ) : (
                  <p className="text-xs text-slate-500">Only a security reviewer can lift a quarantine, with a reason.</p>
                )}
              </li>
            ))}
          </ul>
        )}
        {mayAct && i.linkedTools.length > 0 && (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <QuarantineForm incidentId={i.id} tools={i.linkedTools} />
          </div>
        )}
      </Card>

      <Card title="Playbook">
        <div className="space-y-4">
          {PLAYBOOK_PHASES.map((phase) => (
            <section key={phase}>
              <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">{PHASE_LABELS[phase]}</h3>
              <ul className="mt-1 space-y-2">
                {i.checklist
                  .filter((s) => s.phase === phase)
                  .map((s) => (
                    <li key={s.key} className="text-sm" data-testid="playbook-step" data-done={s.done ? 'true' : 'false'}>
                      <span className={s.done ? 'text-slate-500 line-through' : 'text-slate-900'}>{s.title}</span>
                      {s.done ? (
                        <span className="ml-2 text-xs text-slate-500">
                          done by {s.done.by}, {formatDateTime(s.done.at)}
                          {s.done.note ? ` — ${s.done.note}` : ''}
                        </span>
                      ) : (
                        mayAct && <StepDoneForm incidentId={i.id} stepKey={s.key} />
                      )}
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </div>
        {i.next && mayAct && (
          <div className="mt-4 border-t border-slate-100 pt-4">
            {i.next.missing.length ? (
              <p className="text-sm text-slate-600">
                To mark it {STATUS_LABELS[i.next.status].toLowerCase()}, finish: {i.next.missing.map((s) => s.title).join('; ')}.
              </p>
            ) : (
              <AdvanceForm incidentId={i.id} to={i.next.status} />
            )}
          </div>
        )}
      </Card>

      <Card title="Linked records">
        {i.links.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing linked yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {i.links.map((l) => (
              <li key={l.id}>
                <span className="text-slate-500">{LINK_KIND_LABELS[l.kind]}:</span>{' '}
                {l.tool && (
                  <Link href={`/inventory/${l.tool.id}`} className={linkClass}>
                    {l.tool.name}
                  </Link>
                )}
                {l.toolVersion && (
                  <Link href={`/inventory/${l.toolVersion.tool.id}`} className={linkClass}>
                    {l.toolVersion.tool.name} {l.toolVersion.version}
                  </Link>
                )}
                {l.agent && `${l.agent.name} (owner ${l.agent.owner})`}
                {l.alert && (
                  <span>
                    {l.alert.title} ({l.alert.state.toLowerCase()})
                  </span>
                )}
                {l.invocationSeq && (
                  <Link href={`/invocations/${l.invocationSeq}`} className={linkClass}>
                    invocation #{l.invocationSeq}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
        {mayAct && (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <LinkForm incidentId={i.id} />
          </div>
        )}
      </Card>

      <Card title="Timeline">
        <ol className="space-y-2" data-testid="timeline">
          {i.events.map((e) => (
            <li key={e.id} className="text-sm" data-kind={e.kind}>
              <span className="font-mono text-xs text-slate-500">{formatDateTime(e.at)}</span>{' '}
              <span className="font-medium">{isTimelineKind(e.kind) ? TIMELINE_LABELS[e.kind] : e.kind}</span>{' '}
              <span className="text-slate-500">({e.actorLabel})</span> — {e.message}
            </li>
          ))}
        </ol>
        {mayAct && (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <NoteForm incidentId={i.id} />
          </div>
        )}
      </Card>
    </div>
  );
}
