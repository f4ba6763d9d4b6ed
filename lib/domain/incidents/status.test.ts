import { describe, expect, it } from 'vitest';
import type { UserRole } from '../change-requests/state-machine';
import { INCIDENT_SCENARIOS, INCIDENT_STATUSES, type IncidentScenario, type IncidentStatus } from './labels';
import { PLAYBOOK_PHASES, playbookFor, type PlaybookPhase } from './playbooks';
import { checkAct, checkAdvance, checkLift, checkStepDone, NEXT_STATUS } from './status';

const keysOf = (scenario: IncidentScenario, phases: readonly PlaybookPhase[]) =>
  new Set(
    playbookFor(scenario)
      .filter((s) => phases.includes(s.phase))
      .map((s) => s.key),
  );
const ALL_PHASES = PLAYBOOK_PHASES;

describe('playbooks', () => {
  it.each(INCIDENT_SCENARIOS)('%s has every phase, each with a step, and unique step keys', (scenario) => {
    const steps = playbookFor(scenario);
    for (const phase of PLAYBOOK_PHASES)
      expect(
        steps.some((s) => s.phase === phase),
        phase,
      ).toBe(true);
    expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length);
    expect(steps.map((s) => PLAYBOOK_PHASES.indexOf(s.phase))).toEqual(
      [...steps.map((s) => PLAYBOOK_PHASES.indexOf(s.phase))].sort((a, b) => a - b),
    );
  });

  it('is tailored per scenario: no two scenarios share the same checklist', () => {
    const lists = INCIDENT_SCENARIOS.map((s) => JSON.stringify(playbookFor(s).map((x) => x.title)));
    expect(new Set(lists).size).toBe(INCIDENT_SCENARIOS.length);
  });

  it('puts a quarantine in the containment of the scenarios whose tool itself is bad', () => {
    for (const s of ['COMPROMISED_TOOL', 'SUPPLY_CHAIN_ATTACK'] as const)
      expect(
        playbookFor(s)
          .filter((x) => x.phase === 'contain')
          .some((x) => /quarantine/i.test(x.title)),
      ).toBe(true);
  });
});

describe('checkAdvance', () => {
  const S: IncidentScenario = 'SUPPLY_CHAIN_ATTACK';
  it.each([
    // from, to, phases done, role, expected code (null = allowed)
    ['OPEN', 'CONTAINED', [], 'SECURITY_REVIEWER', 'closed'],
    ['OPEN', 'CONTAINED', ['contain'], 'SECURITY_REVIEWER', null],
    ['OPEN', 'CONTAINED', ['contain'], 'ADMIN', null],
    ['OPEN', 'CONTAINED', ['contain'], 'COMPLIANCE_OFFICER', 'role'],
    ['OPEN', 'CONTAINED', ALL_PHASES, 'AUDITOR', 'role'],
    ['OPEN', 'RECOVERED', ALL_PHASES, 'SECURITY_REVIEWER', 'closed'],
    ['CONTAINED', 'RECOVERED', ['contain', 'investigate', 'eradicate'], 'SECURITY_REVIEWER', 'closed'],
    ['CONTAINED', 'RECOVERED', ['contain', 'investigate', 'eradicate', 'recover'], 'SECURITY_REVIEWER', null],
    ['RECOVERED', 'CLOSED', ['contain', 'investigate', 'eradicate', 'recover'], 'SECURITY_REVIEWER', 'closed'],
    ['RECOVERED', 'CLOSED', ALL_PHASES, 'SECURITY_REVIEWER', null],
    ['RECOVERED', 'OPEN', ALL_PHASES, 'SECURITY_REVIEWER', 'closed'],
    ['CLOSED', 'OPEN', ALL_PHASES, 'SECURITY_REVIEWER', 'closed'],
  ] as [IncidentStatus, IncidentStatus, PlaybookPhase[], UserRole, string | null][])(
    '%s → %s with %j done as %s: %s',
    (from, to, phases, role, code) => {
      const r = checkAdvance({ scenario: S, from, to, done: keysOf(S, phases), role });
      expect(r.ok ? null : r.code).toBe(code);
    },
  );

  it('names the steps still missing', () => {
    const r = checkAdvance({ scenario: S, from: 'OPEN', to: 'CONTAINED', done: new Set(['quarantine-versions']), role: 'ADMIN' });
    expect(r.ok ? '' : r.reason).toMatch(/Pin agents to the last known-good version/);
    expect(r.ok ? '' : r.reason).not.toMatch(/Quarantine the affected versions/);
  });

  it('only ever moves one status forward', () => {
    const order = INCIDENT_STATUSES;
    for (const [i, s] of order.entries()) expect(NEXT_STATUS[s]).toBe(order[i + 1] ?? null);
  });
});

describe('checkStepDone and checkAct', () => {
  const base = {
    scenario: 'COMPROMISED_TOOL' as const,
    status: 'OPEN' as const,
    done: new Set<string>(),
    role: 'SECURITY_REVIEWER' as const,
  };
  it.each([
    [{}, null],
    [{ stepKey: 'not-a-step' }, 'closed'],
    [{ done: new Set(['quarantine-tool']) }, 'closed'],
    [{ status: 'CLOSED' }, 'closed'],
    [{ role: 'AUDITOR' }, 'role'],
    [{ role: 'COMPLIANCE_OFFICER' }, 'role'],
  ] as [Record<string, unknown>, string | null][])('%j → %s', (over, code) => {
    const r = checkStepDone({ ...base, stepKey: 'quarantine-tool', ...over } as Parameters<typeof checkStepDone>[0]);
    expect(r.ok ? null : r.code).toBe(code);
  });

  it('refuses acting on a closed incident, whoever asks', () => {
    for (const role of ['ADMIN', 'SECURITY_REVIEWER'] as const) {
      expect(checkAct({ status: 'CLOSED', role }).ok).toBe(false);
      expect(checkAct({ status: 'RECOVERED', role }).ok).toBe(true);
    }
  });
});

describe('checkLift', () => {
  it.each([
    ['SECURITY_REVIEWER', null, null],
    ['SECURITY_REVIEWER', new Date(), 'closed'],
    ['ADMIN', null, 'role'],
    ['COMPLIANCE_OFFICER', null, 'role'],
    ['AUDITOR', null, 'role'],
  ] as [UserRole, Date | null, string | null][])('%s, lifted %s → %s', (role, liftedAt, code) => {
    const r = checkLift({ role, liftedAt });
    expect(r.ok ? null : r.code).toBe(code);
  });
});
