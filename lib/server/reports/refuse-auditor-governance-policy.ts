import 'server-only';
import type { PrismaClient } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { isAuditor, refuseOutsideAudits } from '@/lib/server/engagements/auditor-scope';

/**
 * The live governance policy document is refused to an auditor, 403 and logged (ADR 0010). It is
 * the whole organisation's policy in force now: every environment's rules and every registry
 * connection, named by one SHA-256. Cut down to an audit's environments it would be a document
 * the company never adopted, with a digest matching nothing; bound to no period it is not the
 * audit's record. The audit's own copy is the governance policy in force at the period's end,
 * inside the evidence pack built for the audit (sections/governance-policy.ts), signed.
 */
export async function refuseAuditorGovernancePolicy(db: PrismaClient, actor: Actor, entityId: string): Promise<void> {
  if (isAuditor(actor)) await refuseOutsideAudits(db, actor, 'GovernancePolicy', entityId);
}
