import { evidenceKind, type EvidenceKind } from './evidence-kinds';
import type { ControlFacts } from './facts';

/** One reason a control is not fully evidenced. */
export interface ControlFinding {
  state: 'gap' | 'stale';
  reason: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A gap when the count is above zero. */
export function gapIf(count: number, what: (n: string) => string, one: string, many?: string): ControlFinding[] {
  return count > 0 ? [{ state: 'gap', reason: what(plural(count, one, many)) }] : [];
}

/** A gap when the instance does not keep the kind at all. */
export function requireKept(facts: ControlFacts, kind: EvidenceKind): ControlFinding[] {
  if (facts.evidence[kind]) return [];
  return [{ state: 'gap', reason: `${evidenceKind(kind).label}: this instance does not record them yet.` }];
}

/**
 * A gap when tools are in use and the kind has no record; stale when its newest record is older
 * than maxAgeDays before facts.now.
 */
export function requireRecent(facts: ControlFacts, kind: EvidenceKind, maxAgeDays: number): ControlFinding[] {
  const label = evidenceKind(kind).label;
  const counted = facts.evidence[kind];
  if (!counted) return requireKept(facts, kind);
  if (counted.count === 0 || !counted.latestAt) {
    return facts.toolsInUse > 0 ? [{ state: 'gap', reason: `${label}: none recorded while tools are in use.` }] : [];
  }
  const ageDays = Math.floor((facts.now.getTime() - counted.latestAt.getTime()) / DAY_MS);
  return ageDays > maxAgeDays
    ? [{ state: 'stale', reason: `${label}: the newest is ${plural(ageDays, 'day')} old (limit ${maxAgeDays}).` }]
    : [];
}
