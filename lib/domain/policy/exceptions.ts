import semver from 'semver';
import type { Environment } from '../types';
import type { ExceptionFacts, PolicyRule } from './types';

/** Rules no exception may waive: a quarantined or yanked artifact is never used, whatever was approved. */
export const RULE_COVERABLE: Record<PolicyRule, boolean> = {
  'not-quarantined': false,
  'version-verified': true,
  'verification-fresh': true,
  'min-tier': true,
  'min-score': true,
  'max-network': true,
  'max-filesystem': true,
  'max-code-execution': true,
  'max-data-access': true,
};

export interface ExceptionScope {
  toolId?: string;
  toolVersionId?: string;
  /** The version's name: needed for an exception granted over a version range. */
  version?: string;
  environment: Environment;
  now: Date;
}

/** Why an exception does not apply to this scope, or null when it does (any rule aside). */
export function exceptionInapplicableReason(e: ExceptionFacts, scope: ExceptionScope): string | null {
  if (e.status !== 'APPROVED') return `status is ${e.status.toLowerCase()}`;
  if (e.expiresAt.getTime() <= scope.now.getTime()) return `expired ${e.expiresAt.toISOString().slice(0, 10)}`;
  if (e.environment !== scope.environment) return `granted for ${e.environment.toLowerCase()}`;
  if (!scope.toolId || e.toolId !== scope.toolId) return 'granted for another tool';
  if (e.toolVersionId !== null) return e.toolVersionId === scope.toolVersionId ? null : 'granted for another version';
  if (e.versionRange) return versionInRange(scope.version, e.versionRange) ? null : `granted for versions ${e.versionRange}`;
  return null;
}

/** True when the version name satisfies the semver range; an unknown or non-semver name never does. */
export function versionInRange(version: string | undefined, range: string): boolean {
  if (!version || semver.validRange(range) === null) return false;
  const v = semver.valid(version) ?? semver.valid(semver.coerce(version));
  return v !== null && semver.satisfies(v, range);
}

/** One version beats a range, a range beats every version. */
const specificity = (e: ExceptionFacts) => (e.toolVersionId !== null ? 2 : e.versionRange ? 1 : 0);

/**
 * For each failed rule, the approved, unexpired exception whose scope covers it.
 * A version-specific exception wins over a tool-wide one; then the one that lasts longest.
 */
export function findCoveringExceptions(
  failedRules: readonly PolicyRule[],
  exceptions: readonly ExceptionFacts[],
  scope: ExceptionScope,
): Partial<Record<PolicyRule, ExceptionFacts>> {
  const usable = exceptions
    .filter((e) => exceptionInapplicableReason(e, scope) === null)
    .sort((a, b) => {
      const specific = specificity(b) - specificity(a);
      return specific !== 0 ? specific : b.expiresAt.getTime() - a.expiresAt.getTime();
    });
  const out: Partial<Record<PolicyRule, ExceptionFacts>> = {};
  for (const rule of failedRules) {
    if (!RULE_COVERABLE[rule]) continue;
    const hit = usable.find((e) => e.rules.includes(rule));
    if (hit) out[rule] = hit;
  }
  return out;
}
