import { ENVIRONMENT_LABELS, type Environment } from '../types';
import { evaluatePolicy } from './evaluate';
import type { ExceptionFacts, PolicyEvaluation, PolicyFacts, PolicyRule, VersionFacts } from './types';
import { quarantineMessage, quarantinesHolding, type QuarantineFacts } from './incident-quarantine';

export type EnforcementAction = 'INSTALL' | 'INVOKE';
export type InstallationState = 'REQUESTED' | 'APPROVED' | 'ACTIVE' | 'REVOKED' | 'BLOCKED';

export type DecisionCode =
  | 'allowed'
  | 'unknown-agent'
  | 'unknown-tool'
  | 'ambiguous-tool'
  | 'unknown-version'
  | 'not-installed'
  | 'installation-not-approved'
  | 'installation-not-active'
  | 'installation-revoked'
  | 'digest-changed'
  | 'digest-mismatch'
  | 'policy-violation'
  | 'exception-used'
  | 'unverified-use-logged'
  // Incident response (issue 14.6).
  | 'incident-quarantine'
  | 'invalid-request';

export interface DecisionReason {
  code: DecisionCode;
  message: string;
  rule?: PolicyRule;
  exceptionId?: string;
  /** The incident whose quarantine denies the call. */
  incidentId?: string;
}

/** Everything the decision needs, loaded beforehand by indexed lookups. */
export interface EnforcementFacts {
  action: EnforcementAction;
  agentName: string;
  toolName: string;
  versionName: string;
  requestedDigest: string | null;
  agent: { id: string; environment: Environment } | null;
  tool: { id: string } | 'ambiguous' | null;
  version: { facts: VersionFacts; artifactDigest: string | null } | null;
  installation: { state: InstallationState; approvedDigest: string | null } | null;
  policy: PolicyFacts | null;
  exceptions: readonly ExceptionFacts[];
  /** Incident quarantines in force on the tool (issue 14.6); absent = none. */
  quarantines?: readonly QuarantineFacts[];
  now: Date;
}

export interface EnforcementOutcome {
  outcome: 'ALLOW' | 'DENY';
  reasons: DecisionReason[];
  evaluation: PolicyEvaluation | null;
  exceptionId: string | null;
  /** The agent asked for a tool the inventory does not know. */
  unknownTool: boolean;
  logUnverified: boolean;
}

/** Installation states in which each action may proceed. */
const STATE_ALLOWS: Record<InstallationState, Record<EnforcementAction, boolean>> = {
  REQUESTED: { INSTALL: false, INVOKE: false },
  APPROVED: { INSTALL: true, INVOKE: false },
  ACTIVE: { INSTALL: true, INVOKE: true },
  REVOKED: { INSTALL: false, INVOKE: false },
  BLOCKED: { INSTALL: false, INVOKE: false },
};

function installationReasons(f: EnforcementFacts, label: string): DecisionReason[] {
  const inst = f.installation;
  if (!inst)
    return [
      {
        code: 'not-installed',
        message: `${f.agentName} has no approved installation of ${label}; request it through a change request.`,
      },
    ];
  if (STATE_ALLOWS[inst.state][f.action]) return [];
  if (inst.state === 'REVOKED' || inst.state === 'BLOCKED') {
    return [
      { code: 'installation-revoked', message: `The installation of ${label} on ${f.agentName} is ${inst.state.toLowerCase()}.` },
    ];
  }
  if (inst.state === 'APPROVED') {
    return [
      {
        code: 'installation-not-active',
        message: `The installation of ${label} on ${f.agentName} is approved but not yet active (deploy it first).`,
      },
    ];
  }
  return [
    { code: 'installation-not-approved', message: `The installation of ${label} on ${f.agentName} is still awaiting approval.` },
  ];
}

function digestReasons(f: EnforcementFacts): DecisionReason[] {
  const approved = f.installation?.approvedDigest ?? null;
  const current = f.version?.artifactDigest ?? null;
  const out: DecisionReason[] = [];
  if (approved && current && approved !== current) {
    out.push({
      code: 'digest-changed',
      message: `The version's artifact digest is now ${current}, not the approved ${approved}; re-approval required.`,
    });
  }
  const pinned = approved ?? current;
  if (f.requestedDigest && pinned && f.requestedDigest !== pinned) {
    out.push({
      code: 'digest-mismatch',
      message: `The artifact digest sent (${f.requestedDigest}) is not the approved one (${pinned}).`,
    });
  }
  return out;
}

/**
 * The enforcement decision (ARCHITECTURE §4): allow only when the agent's installation of this
 * version is approved (and active, to invoke), the artifact is the approved one, the version
 * passes its environment's policy or an exception covers it, and it is not quarantined.
 * Otherwise deny with every reason that applies.
 */
export function decideEnforcement(f: EnforcementFacts): EnforcementOutcome {
  const deny = (reasons: DecisionReason[], extra: Partial<EnforcementOutcome> = {}): EnforcementOutcome => ({
    outcome: 'DENY',
    reasons,
    evaluation: null,
    exceptionId: null,
    unknownTool: false,
    logUnverified: false,
    ...extra,
  });
  const early: DecisionReason[] = [];
  if (!f.agent) early.push({ code: 'unknown-agent', message: `Agent “${f.agentName}” is not registered in ToolLedger.` });
  if (f.tool === 'ambiguous') {
    early.push({ code: 'ambiguous-tool', message: `Several tools are named “${f.toolName}”; send “registry” to say which one.` });
  } else if (!f.tool) {
    early.push({ code: 'unknown-tool', message: `Tool “${f.toolName}” is not in the inventory.` });
  } else if (!f.version) {
    early.push({ code: 'unknown-version', message: `Version ${f.versionName} of ${f.toolName} is not in the inventory.` });
  }
  if (early.length || !f.agent || !f.version) return deny(early, { unknownTool: f.tool === null });
  if (!f.policy)
    return deny([{ code: 'policy-violation', message: `No policy is defined for ${f.agent.environment.toLowerCase()}.` }]);

  const label = `${f.toolName}@${f.versionName}`;
  const evaluation = evaluatePolicy(f.policy, f.version.facts, { now: f.now, exceptions: f.exceptions });
  const env = ENVIRONMENT_LABELS[f.agent.environment].toLowerCase();
  const policyReasons: DecisionReason[] = evaluation.blocking.map((v) => ({
    code: 'policy-violation',
    rule: v.rule,
    message: `${env} policy v${evaluation.policyVersion}: ${v.reason}`,
  }));
  const quarantineReasons: DecisionReason[] = quarantinesHolding(f.quarantines ?? [], f.version.facts).map((q) => ({
    code: 'incident-quarantine',
    incidentId: q.incidentId,
    message: quarantineMessage(q, label),
  }));
  const reasons = [...quarantineReasons, ...installationReasons(f, label), ...digestReasons(f), ...policyReasons];
  const exceptionId = evaluation.coveredBy[0] ?? null;
  if (reasons.length) return deny(reasons, { evaluation });

  const allowed: DecisionReason[] = [
    {
      code: 'allowed',
      message: `${label} is approved for ${f.agentName} and passes the ${env} policy v${evaluation.policyVersion}.`,
    },
    ...evaluation.verdicts
      .filter((v) => v.coveredBy)
      .map((v) => ({ code: 'exception-used' as const, rule: v.rule, exceptionId: v.coveredBy, message: v.reason })),
  ];
  if (evaluation.logAsUnverified) {
    allowed.push({ code: 'unverified-use-logged', message: `${label} is not verified; allowed in ${env} and logged.` });
  }
  return {
    outcome: 'ALLOW',
    reasons: allowed,
    evaluation,
    exceptionId,
    unknownTool: false,
    logUnverified: evaluation.logAsUnverified,
  };
}
