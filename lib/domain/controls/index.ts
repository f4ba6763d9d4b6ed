/**
 * The SOC 2 controls map: which Trust Services Criteria ToolLedger evidences, how, with which
 * evidence files, and the pure rules that compute each criterion's live state (ok, gap, stale)
 * from facts the caller gathers. Used by the /controls page, the evidence pack's control matrix
 * and the auditor portal. Stable API: add criteria and evidence kinds, do not rename exports.
 */
export { CONTROLS, TSC_SOURCE, type ControlDefinition, type ControlScope } from './controls';
export { EVIDENCE_KINDS, evidenceKind, isEvidenceKind, type EvidenceKind, type EvidenceKindDefinition } from './evidence-kinds';
export { emptyControlFacts, type ControlFacts, type EvidenceCount } from './facts';
export type { ControlFinding } from './findings';
export {
  CONTROL_STATE_LABELS,
  controlsForFile,
  evaluateControl,
  evaluateControls,
  isControlInScope,
  stateOf,
  summarizeControlStates,
  type ControlEvaluation,
  type ControlEvidence,
  type ControlState,
} from './evaluate';
