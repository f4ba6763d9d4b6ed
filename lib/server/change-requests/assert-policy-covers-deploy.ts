import 'server-only';
import type { Environment, Prisma } from '@prisma/client';
import { RULE_LABELS } from '@/lib/domain/policy/evaluate';
import { conflict } from '@/lib/server/errors';
import { policyStatusOf } from '@/lib/server/overview/policy-status';

/**
 * Deploying is refused while the version fails its environment's policy in force and no
 * approved, unexpired exception covers the failing rules: otherwise the change would go live
 * and the enforcement API deny it at the first call (issue 12.3).
 */
export async function assertPolicyCoversDeploy(
  tx: Prisma.TransactionClient,
  request: { toolVersionId: string | null; environment: Environment },
  now: Date,
): Promise<void> {
  if (!request.toolVersionId) return;
  const [status] =
    (await policyStatusOf(tx, [request.toolVersionId], [request.environment], now)).get(request.toolVersionId) ?? [];
  if (!status || status.passes) return;
  const rules = status.blocking.map((b) => RULE_LABELS[b.rule]).join(', ');
  throw conflict(
    `The version fails the ${request.environment.toLowerCase()} policy v${status.policyVersion} (${rules}) and no approved exception covers it: request an exception or choose another version`,
  );
}
