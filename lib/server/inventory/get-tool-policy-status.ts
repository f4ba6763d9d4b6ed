import 'server-only';
import { z } from 'zod';
import { ENVIRONMENTS } from '@/lib/domain/types';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { policyStatusOf, type PolicyStatus } from '@/lib/server/overview/policy-status';

const ZInput = z.object({ toolVersionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id') });

/** A version against each environment's policy in force: the tool page's status card. */
export async function getToolPolicyStatus(
  { actor, input }: OperationCall<z.input<typeof ZInput>>,
  ctx?: OperationContextInput,
): Promise<PolicyStatus[]> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'policy:read');
  const { toolVersionId } = parseInput(ZInput, input);
  return (await policyStatusOf(db, [toolVersionId], ENVIRONMENTS, now)).get(toolVersionId) ?? [];
}
