import 'server-only';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { governancePolicyDocumentAt } from './governance-policy-source';
import { refuseAuditorGovernancePolicy } from './refuse-auditor-governance-policy';

/** The governance policy document generated from the policies in force now, for the page. */
export async function getGovernancePolicy({ actor }: OperationCall<Record<string, never>>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'evidence:read');
  await refuseAuditorGovernancePolicy(db, actor, 'page');
  return { ...(await governancePolicyDocumentAt(db)), generatedAt: now };
}

export type GovernancePolicyView = Awaited<ReturnType<typeof getGovernancePolicy>>;
