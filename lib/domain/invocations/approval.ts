export type Approval = 'ALLOWED' | 'NO_ALLOW' | 'DENIED' | 'UNKNOWN_SUBJECT';

export interface SubjectFacts {
  agentKnown: boolean;
  /** The tool and version resolved to exactly one inventory version. */
  versionKnown: boolean;
  /** Outcome of the latest enforcement decision for agent + tool + version, if any. */
  latestDecision: 'ALLOW' | 'DENY' | null;
}

/**
 * How an invocation stands against the enforcement record: an unknown subject first (nothing to
 * compare with), then the latest decision: only an allow in force approves the call; a deny means
 * the agent ran the tool after being refused.
 */
export function approvalOf(f: SubjectFacts): Approval {
  if (!f.agentKnown || !f.versionKnown) return 'UNKNOWN_SUBJECT';
  if (f.latestDecision === 'ALLOW') return 'ALLOWED';
  if (f.latestDecision === 'DENY') return 'DENIED';
  return 'NO_ALLOW';
}
