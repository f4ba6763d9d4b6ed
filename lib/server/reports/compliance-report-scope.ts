import 'server-only';
import type { PrismaClient } from '@prisma/client';
import type { Environment } from '@/lib/domain/types';
import type { Actor } from '@/lib/server/actor';
import { auditEnvironments, auditorWindows, refuseOutsideAudits } from '@/lib/server/engagements/auditor-scope';
import type { ComplianceReportScope } from './compliance-report-batches';

/**
 * What the compliance report (page and PDF) covers for this actor. The report is today's state of
 * the versions in use, not a period's record, so an auditor gets it limited to the environments of
 * the audits open to them now (ADR 0010): their audits' scope, never more. Asking for another
 * environment by name is refused (403) and logged; with no open audit the report is empty
 * (`null`). Every other actor gets the environment asked for, or all.
 */
export async function complianceReportScope(
  db: PrismaClient,
  actor: Actor,
  now: Date,
  environment: Environment | undefined,
): Promise<{ scope: ComplianceReportScope | null; environments: Environment[] | null }> {
  const allowed = auditEnvironments(await auditorWindows(db, actor, now));
  if (!allowed) return { scope: { environment, now }, environments: null };
  if (environment && !allowed.includes(environment)) await refuseOutsideAudits(db, actor, 'ComplianceReport', environment);
  const environments = environment ? [environment] : allowed;
  return { scope: environments.length ? { environments, now } : null, environments };
}
