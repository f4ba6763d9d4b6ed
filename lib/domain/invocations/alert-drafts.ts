import type { AlertSeverity } from '@prisma/client';

/** What the inventory and the enforcement log say about one (agent, tool, version). */
export interface Subject {
  agentId: string | null;
  toolId: string | null;
  toolVersionId: string | null;
  /** Why the subject is unknown, for the alert (null: agent and version both resolved). */
  unknown: string | null;
  decision: { id: string; outcome: 'ALLOW' | 'DENY' } | null;
}

export interface SubjectUse {
  agent: string;
  tool: string;
  version: string;
  subject: Subject;
  /** The first event of the batch that shows it. */
  firstSeq: bigint;
  eventId: string;
  events: number;
}

interface AlertDraft {
  kind: string;
  severity: AlertSeverity;
  title: string;
  dedupeKey: string;
  toolId: string | null;
  toolVersionId: string | null;
  detail: Record<string, string | number | null>;
}

/**
 * One alert per condition, never one per event: an unknown subject once per (agent, tool,
 * version); an unapproved use once per (agent, tool, version, decision in force), so a new deny
 * after an allow raises again, while a stream of calls under the same decision does not.
 */
export function invocationAlertDrafts(uses: readonly SubjectUse[]): AlertDraft[] {
  const drafts: AlertDraft[] = [];
  for (const u of uses) {
    const who = `${u.agent} → ${u.tool} ${u.version}`;
    const evidence = {
      agent: u.agent,
      tool: u.tool,
      version: u.version,
      firstSeq: u.firstSeq.toString(),
      eventId: u.eventId,
      eventsInBatch: u.events,
    };
    const base = { toolId: u.subject.toolId, toolVersionId: u.subject.toolVersionId };
    if (u.subject.unknown) {
      drafts.push({
        ...base,
        kind: 'invocation-unknown-subject',
        severity: 'MEDIUM',
        title: `Invocation by an unknown subject: ${who}`,
        dedupeKey: `invocation-unknown-subject:${u.agent}:${u.tool}:${u.version}`,
        detail: { ...evidence, reason: u.subject.unknown },
      });
      continue;
    }
    const d = u.subject.decision;
    if (d?.outcome === 'ALLOW') continue;
    drafts.push({
      ...base,
      kind: 'invocation-unapproved-use',
      severity: d ? 'CRITICAL' : 'HIGH',
      title: d ? `Tool used after enforcement denied it: ${who}` : `Tool used without an allow decision: ${who}`,
      dedupeKey: `invocation-unapproved-use:${u.agent}:${u.tool}:${u.version}:${d?.id ?? 'none'}`,
      detail: {
        ...evidence,
        decisionId: d?.id ?? null,
        reason: d
          ? 'the latest enforcement decision for this agent, tool and version is a deny'
          : 'no enforcement decision allowed this agent, tool and version',
      },
    });
  }
  return drafts;
}
