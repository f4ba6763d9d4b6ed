import 'server-only';
import { EXCEPTION_FACTS_SELECT } from '@/lib/server/exceptions/exception-facts-select';
import type { Prisma, PrismaClient } from '@prisma/client';
import { evaluatePolicy, type PolicyRule } from '@/lib/domain/policy/evaluate';
import type { ExceptionFacts } from '@/lib/domain/policy/types';
import type { Environment } from '@/lib/domain/types';
import { getCurrentPolicies } from '@/lib/server/policies/get-current-policies';
import { VERSION_FACTS_SELECT, versionFactsOf } from '@/lib/server/policies/version-facts';

export interface PolicyStatus {
  environment: Environment;
  policyVersion: number;
  passes: boolean;
  blocking: { rule: PolicyRule; reason: string }[];
  covered: { rule: PolicyRule; exceptionId: string; expiresAt: Date }[];
}

/**
 * Versions against the policies in force, for the pages that show a verdict (the tool page's
 * status card, the overview's failing production tools). The same evaluatePolicy and the same
 * approved exceptions as the compliance matrix and the enforcement API, so they agree.
 */
export async function policyStatusOf(
  db: PrismaClient | Prisma.TransactionClient,
  versionIds: string[],
  environments: readonly Environment[],
  now: Date,
): Promise<Map<string, PolicyStatus[]>> {
  if (versionIds.length === 0) return new Map();
  const [policies, versions] = await Promise.all([
    getCurrentPolicies({ fresh: true, db }),
    db.toolVersion.findMany({ where: { id: { in: versionIds } }, select: VERSION_FACTS_SELECT }),
  ]);
  const exceptions: (ExceptionFacts & { expiresAt: Date })[] = await db.policyException.findMany({
    where: { toolId: { in: [...new Set(versions.map((v) => v.toolId))] }, status: 'APPROVED' },
    select: EXCEPTION_FACTS_SELECT,
  });
  const expiry = new Map(exceptions.map((e) => [e.id, e.expiresAt]));
  return new Map(
    versions.map((v) => {
      const facts = versionFactsOf(v);
      const own = exceptions.filter((e) => e.toolId === v.toolId);
      const statuses = environments.map((environment): PolicyStatus => {
        const r = evaluatePolicy(policies[environment], facts, { now, exceptions: own });
        return {
          environment,
          policyVersion: policies[environment].version,
          passes: r.passes,
          blocking: r.blocking.map(({ rule, reason }) => ({ rule, reason })),
          covered: r.verdicts.flatMap((x) =>
            x.coveredBy ? [{ rule: x.rule, exceptionId: x.coveredBy, expiresAt: expiry.get(x.coveredBy)! }] : [],
          ),
        };
      });
      return [v.id, statuses];
    }),
  );
}
