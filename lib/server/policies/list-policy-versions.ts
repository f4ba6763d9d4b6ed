import 'server-only';
import { z } from 'zod';
import { diffPolicies, type PolicyFieldChange } from '@/lib/domain/policy/policy-diff';
import { assertInsideAudits } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZPolicyVersionsQuery, type TPolicyVersionsQuery } from '@/lib/validation/policy';
import { policyFactsOf, type CurrentPolicy } from './get-current-policies';

export interface PolicyVersionEntry {
  policy: CurrentPolicy;
  author: { name: string; email: string } | null;
  changes: PolicyFieldChange[];
}

/** Every version of one environment's policy, newest first, each with who changed what. */
export async function listPolicyVersions(
  { actor, input }: OperationCall<z.input<typeof ZPolicyVersionsQuery>>,
  ctx?: OperationContextInput,
): Promise<PolicyVersionEntry[]> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'policy:read');
  const { environment, limit }: TPolicyVersionsQuery = parseInput(ZPolicyVersionsQuery, input);
  // An auditor reads the policy of an environment of one of their open audits only (ADR 0010).
  await assertInsideAudits(db, actor, now, { entityType: 'Policy', entityId: environment }, (windows) =>
    windows.some((w) => w.environments.includes(environment)),
  );
  // One more than shown, so the oldest shown version still has a predecessor to diff against.
  const rows = await db.policy.findMany({ where: { environment }, orderBy: { version: 'desc' }, take: limit + 1 });
  const authorIds = [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
  const authors = new Map(
    (await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true, email: true } })).map((u) => [
      u.id,
      u,
    ]),
  );
  return rows.slice(0, limit).map((row, i) => {
    const previous = rows[i + 1];
    const author = row.createdById ? authors.get(row.createdById) : undefined;
    return {
      policy: policyFactsOf(row),
      author: author ? { name: author.name, email: author.email } : null,
      changes: diffPolicies(previous ? policyFactsOf(previous) : null, policyFactsOf(row)),
    };
  });
}
