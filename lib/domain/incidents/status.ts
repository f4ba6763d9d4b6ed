import type { Refusal, UserRole } from '../change-requests/state-machine';
import type { IncidentStatus } from './labels';
import { PHASE_LABELS, playbookFor, type PlaybookPhase } from './playbooks';
import type { IncidentScenario } from './labels';

// An incident moves forward one status at a time, each gated by the playbook: contained once
// every containment step is done, recovered once investigation, eradication and recovery are,
// closed once the lessons are written. Nothing moves back: a new finding is a new incident.

export type IncidentCheck = { ok: true } | Refusal;

/** Who opens incidents, works their checklist and quarantines: security reviewers, admins standing in. */
export const INCIDENT_RESPONDERS: readonly UserRole[] = ['SECURITY_REVIEWER', 'ADMIN'];

/** Issue 14.6: only a security reviewer lifts a quarantine (admins do not stand in for this one). */
export const QUARANTINE_LIFTERS: readonly UserRole[] = ['SECURITY_REVIEWER'];

export const NEXT_STATUS: Record<IncidentStatus, IncidentStatus | null> = {
  OPEN: 'CONTAINED',
  CONTAINED: 'RECOVERED',
  RECOVERED: 'CLOSED',
  CLOSED: null,
};

/** The playbook phases that must be done before an incident may enter each status. */
export const PHASES_BEFORE: Record<IncidentStatus, readonly PlaybookPhase[]> = {
  OPEN: [],
  CONTAINED: ['contain'],
  RECOVERED: ['contain', 'investigate', 'eradicate', 'recover'],
  CLOSED: ['contain', 'investigate', 'eradicate', 'recover', 'lessons'],
};

const closed = (reason: string): Refusal => ({ ok: false, code: 'closed', reason });
const role = (reason: string): Refusal => ({ ok: false, code: 'role', reason });

export function checkResponder(userRole: UserRole): IncidentCheck {
  return INCIDENT_RESPONDERS.includes(userRole) ? { ok: true } : role('Incidents are handled by a security reviewer or an admin');
}

/** Steps of the phases still open before `to`, in playbook order. */
export function missingSteps(scenario: IncidentScenario, to: IncidentStatus, done: ReadonlySet<string>) {
  const phases = PHASES_BEFORE[to];
  return playbookFor(scenario).filter((s) => phases.includes(s.phase) && !done.has(s.key));
}

export function checkAdvance(input: {
  scenario: IncidentScenario;
  from: IncidentStatus;
  to: IncidentStatus;
  done: ReadonlySet<string>;
  role: UserRole;
}): IncidentCheck {
  const who = checkResponder(input.role);
  if (!who.ok) return who;
  if (input.from === 'CLOSED') return closed('The incident is closed');
  if (NEXT_STATUS[input.from] !== input.to)
    return closed(`An incident moves from ${input.from.toLowerCase()} only to ${NEXT_STATUS[input.from]?.toLowerCase()}`);
  const missing = missingSteps(input.scenario, input.to, input.done);
  if (missing.length)
    return closed(`Finish the playbook first: ${missing.map((s) => `${PHASE_LABELS[s.phase]} – ${s.title}`).join('; ')}`);
  return { ok: true };
}

/** Acting on a closed incident (steps, links, quarantines, notes) is refused; it is the record now. */
export function checkAct(input: { status: IncidentStatus; role: UserRole }): IncidentCheck {
  const who = checkResponder(input.role);
  if (!who.ok) return who;
  return input.status === 'CLOSED' ? closed('The incident is closed') : { ok: true };
}

export function checkStepDone(input: {
  scenario: IncidentScenario;
  status: IncidentStatus;
  stepKey: string;
  done: ReadonlySet<string>;
  role: UserRole;
}): IncidentCheck {
  const act = checkAct(input);
  if (!act.ok) return act;
  if (!playbookFor(input.scenario).some((s) => s.key === input.stepKey))
    return closed('That step is not in this incident’s playbook');
  return input.done.has(input.stepKey) ? closed('That step is already done') : { ok: true };
}

/** Lifting: a security reviewer, on a quarantine still in force (the reason is the input's). */
export function checkLift(input: { role: UserRole; liftedAt: Date | null }): IncidentCheck {
  if (!QUARANTINE_LIFTERS.includes(input.role)) return role('Only a security reviewer can lift a quarantine');
  return input.liftedAt ? closed('The quarantine was already lifted') : { ok: true };
}
