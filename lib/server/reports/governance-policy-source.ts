import 'server-only';
import type { Prisma, PrismaClient } from '@prisma/client';
import { DEFAULT_POLICIES } from '@/lib/domain/policy/defaults';
import {
  governancePolicyMarkdown,
  type GovernancePolicyDocument,
  type GovernedPolicy,
} from '@/lib/domain/reports/governance-policy';
import { SYNC_ALERT_LABELS, SYNC_ALERT_SEVERITY, type SyncAlertKind } from '@/lib/domain/sync-alerts';
import { ENVIRONMENTS, type Environment } from '@/lib/domain/types';
import { env } from '@/lib/env';
import { policyFactsOf } from '@/lib/server/policies/get-current-policies';
import { instanceName } from './instance-name';

/**
 * Reads what the governance document is generated from: each environment's policy in force
 * (before `asOf` when given: the newest version created before it; the built-in defaults, version 0, when none
 * was), the registry connections, the alert label table and the event retention.
 */
export async function governancePolicyDocumentAt(
  db: PrismaClient | Prisma.TransactionClient,
  /** Omitted: the policies in force now (the highest versions). */
  asOf?: Date,
  /** Omitted: every environment in one document. */
  environments?: readonly Environment[],
): Promise<GovernancePolicyDocument> {
  const [rows, registries] = await Promise.all([
    Promise.all(
      ENVIRONMENTS.map((environment) =>
        db.policy.findFirst({
          where: { environment, ...(asOf ? { createdAt: { lt: asOf } } : {}) },
          orderBy: { version: 'desc' },
        }),
      ),
    ),
    db.registry.findMany({ select: { name: true, kind: true, baseUrl: true, enabled: true }, orderBy: { name: 'asc' } }),
  ]);
  const policies = {} as Record<Environment, GovernedPolicy>;
  ENVIRONMENTS.forEach((environment, i) => {
    const row = rows[i];
    policies[environment] = row
      ? policyFactsOf(row)
      : { ...DEFAULT_POLICIES[environment], id: undefined, version: 0, createdAt: null, changeNote: 'defaults' };
  });
  const kinds = Object.keys(SYNC_ALERT_LABELS) as SyncAlertKind[];
  return governancePolicyMarkdown({
    instanceName: instanceName(),
    policies,
    registries,
    alertKinds: kinds.map((kind) => ({ kind, label: SYNC_ALERT_LABELS[kind], severity: SYNC_ALERT_SEVERITY[kind] })),
    eventsRetentionDays: env().TOOLLEDGER_EVENTS_RETENTION_DAYS,
    environments,
  });
}
