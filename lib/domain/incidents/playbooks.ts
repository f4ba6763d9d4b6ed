import type { IncidentScenario } from './labels';

/** The five phases of every playbook, in the order a response runs through them. */
export type PlaybookPhase = 'contain' | 'investigate' | 'eradicate' | 'recover' | 'lessons';

export const PLAYBOOK_PHASES: readonly PlaybookPhase[] = ['contain', 'investigate', 'eradicate', 'recover', 'lessons'];

export const PHASE_LABELS: Record<PlaybookPhase, string> = {
  contain: 'Contain',
  investigate: 'Investigate',
  eradicate: 'Eradicate',
  recover: 'Recover',
  lessons: 'Lessons learned',
};

export interface PlaybookStep {
  /** Stable key stored on IncidentStep: renaming a step's words must not lose what was done. */
  key: string;
  phase: PlaybookPhase;
  title: string;
}

type Steps = Record<PlaybookPhase, readonly [key: string, title: string][]>;

// Tailored per scenario: what a responder does for that kind of agent incident. Keys are unique
// within a playbook (a table test keeps them so).
const STEPS: Record<IncidentScenario, Steps> = {
  COMPROMISED_TOOL: {
    contain: [
      ['quarantine-tool', 'Quarantine the tool (or the affected versions) so enforcement denies it everywhere'],
      ['revoke-credentials', "Rotate credentials and tokens the tool's agents could reach"],
    ],
    investigate: [
      ['review-invocations', 'Review the invocation events of the affected agents since the compromise began'],
      ['confirm-scope', 'Confirm which versions, agents and data were exposed'],
    ],
    eradicate: [['remove-installations', 'Revoke or upgrade every installation of the compromised versions']],
    recover: [
      ['verify-replacement', 'Verify a clean version and approve it through a change request'],
      ['lift-quarantine', 'Lift the quarantine once only clean versions remain approved'],
    ],
    lessons: [['write-lessons', 'Record lessons learned and follow-up actions']],
  },
  DATA_LEAKAGE: {
    contain: [
      ['quarantine-tool', 'Quarantine the tool whose output leaked data'],
      ['stop-flows', 'Stop the data flows through it (disable the agents or their access)'],
    ],
    investigate: [
      ['classify-data', 'Identify and classify the data that left (invocation outputs, sizes, classification)'],
      ['notify-owners', 'Inform the data owners and decide on notification duties'],
    ],
    eradicate: [['fix-output', 'Remove the leaking behaviour (configuration, version or tool replaced)']],
    recover: [['restore-service', 'Restore the service with the fixed configuration and lift the quarantine']],
    lessons: [['write-lessons', 'Record lessons learned and follow-up actions']],
  },
  UNAUTHORIZED_INSTALLATION: {
    contain: [['block-installation', 'Quarantine the tool or revoke the unapproved installation']],
    investigate: [
      ['find-origin', 'Find who installed it, on which agents, and why no change request approved it'],
      ['review-invocations', 'Review what the tool did while it ran unapproved'],
    ],
    eradicate: [['remove-tool', 'Remove the tool from the agents, or approve it through a change request']],
    recover: [['reconcile-inventory', 'Reconcile the inventory with what runs and lift any quarantine']],
    lessons: [['write-lessons', 'Record lessons learned and follow-up actions']],
  },
  SUPPLY_CHAIN_ATTACK: {
    contain: [
      ['quarantine-versions', 'Quarantine the affected versions so enforcement denies them at once'],
      ['pin-known-good', 'Pin agents to the last known-good version'],
    ],
    investigate: [
      ['check-provenance', 'Compare digests, signatures and provenance with the registry and the publisher'],
      ['review-invocations', 'Review invocation events of the affected versions'],
    ],
    eradicate: [['purge-artifacts', 'Remove the tampered artifacts from every agent and cache']],
    recover: [
      ['verify-clean', 'Verify a clean release before anything is allowed again'],
      ['lift-quarantine', 'Lift the quarantine with the reason it is safe'],
    ],
    lessons: [['write-lessons', 'Record lessons learned and follow-up actions']],
  },
};

/** The checklist of a scenario, phase by phase. */
export function playbookFor(scenario: IncidentScenario): PlaybookStep[] {
  const steps = STEPS[scenario];
  return PLAYBOOK_PHASES.flatMap((phase) => steps[phase].map(([key, title]) => ({ key, phase, title })));
}

export function playbookStep(scenario: IncidentScenario, key: string): PlaybookStep | null {
  return playbookFor(scenario).find((s) => s.key === key) ?? null;
}
