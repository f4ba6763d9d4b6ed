import 'server-only';
import { auditorWindows } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ENVIRONMENTS, type Environment } from '@/lib/domain/types';
import { getCurrentPolicies, type CurrentPolicy } from './get-current-policies';

/**
 * The policies page: the policy in force per environment, for an auditor only the environments
 * of the audits open to them now (ADR 0010); everyone else sees all three.
 */
export async function listPoliciesInScope(
  { actor }: OperationCall<Record<string, never>>,
  ctx?: OperationContextInput,
): Promise<{ environment: Environment; policy: CurrentPolicy }[]> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'policy:read');
  const windows = await auditorWindows(db, actor, now);
  const policies = await getCurrentPolicies(ctx?.db ? { db } : { fresh: true });
  return ENVIRONMENTS.filter((e) => !windows || windows.some((w) => w.environments.includes(e))).map((environment) => ({
    environment,
    policy: policies[environment],
  }));
}
