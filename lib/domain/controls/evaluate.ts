import { CONTROLS, type ControlDefinition } from './controls';
import { evidenceKind, type EvidenceKind, type EvidenceKindDefinition } from './evidence-kinds';
import type { ControlFacts, EvidenceCount } from './facts';
import type { ControlFinding } from './findings';

export type ControlState = 'ok' | 'gap' | 'stale';

export const CONTROL_STATE_LABELS: Record<ControlState, string> = { ok: 'OK', gap: 'Gap', stale: 'Stale' };

/** One evidence kind behind a control, with its records (null = the instance does not keep it). */
export interface ControlEvidence extends EvidenceKindDefinition {
  records: EvidenceCount | null;
}

export interface ControlEvaluation {
  control: ControlDefinition;
  state: ControlState;
  /** Why the state is not ok (empty when ok). */
  findings: ControlFinding[];
  evidence: ControlEvidence[];
}

/** Whether the criterion applies to this instance, given the data that flows through its tools. */
export function isControlInScope(control: ControlDefinition, facts: ControlFacts): boolean {
  switch (control.scope) {
    case 'always':
      return true;
    case 'confidential-data':
      return facts.confidentialDataToolsInUse > 0;
    case 'personal-data':
      return facts.personalDataFlows;
  }
}

/** A gap outweighs staleness: stale evidence of a control that is also missing some is a gap. */
export function stateOf(findings: readonly ControlFinding[]): ControlState {
  if (findings.some((f) => f.state === 'gap')) return 'gap';
  return findings.length > 0 ? 'stale' : 'ok';
}

export function evaluateControl(control: ControlDefinition, facts: ControlFacts): ControlEvaluation {
  const findings = control.check(facts);
  const evidence = control.evidence.map((kind: EvidenceKind) => ({
    ...evidenceKind(kind),
    records: facts.evidence[kind] ?? null,
  }));
  return { control, state: stateOf(findings), findings, evidence };
}

/** Every criterion in scope for these facts, evaluated, in TSC order. */
export function evaluateControls(facts: ControlFacts): ControlEvaluation[] {
  return CONTROLS.filter((c) => isControlInScope(c, facts)).map((c) => evaluateControl(c, facts));
}

export function summarizeControlStates(evaluations: readonly ControlEvaluation[]): Record<ControlState, number> {
  const totals: Record<ControlState, number> = { ok: 0, gap: 0, stale: 0 };
  for (const e of evaluations) totals[e.state] += 1;
  return totals;
}

/** The controls a file of the pack backs: the inverse of the matrix, for the pack's README. */
export function controlsForFile(path: string): string[] {
  return CONTROLS.filter((c) => c.evidence.some((k) => evidenceKind(k).files.includes(path))).map((c) => c.id);
}
