import type { Policy } from '@prisma/client';
import { ENVIRONMENTS } from '@/lib/domain/types';
import { iso } from './paged';
import type { Row, TableSection } from './types';

export const POLICY_COLUMNS = [
  'id',
  'environment',
  'version',
  'minTier',
  'minTrustScore',
  'maxNetwork',
  'maxFilesystem',
  'maxCodeExecution',
  'maxDataAccess',
  'reviewOnExternalNetwork',
  'reviewOnFilesystemWrite',
  'reviewOnCodeExecution',
  'requireVersionVerification',
  'maxVerificationAgeDays',
  'logUnverified',
  'changeNote',
  'createdAt',
] as const;

export function policyRow(p: Policy): Row {
  return {
    id: p.id,
    environment: p.environment,
    version: p.version,
    minTier: p.minTier,
    minTrustScore: p.minTrustScore,
    maxNetwork: p.maxNetwork,
    maxFilesystem: p.maxFilesystem,
    maxCodeExecution: p.maxCodeExecution,
    maxDataAccess: p.maxDataAccess,
    reviewOnExternalNetwork: p.reviewOnExternalNetwork,
    reviewOnFilesystemWrite: p.reviewOnFilesystemWrite,
    reviewOnCodeExecution: p.reviewOnCodeExecution,
    requireVersionVerification: p.requireVersionVerification,
    maxVerificationAgeDays: p.maxVerificationAgeDays,
    logUnverified: p.logUnverified,
    changeNote: p.changeNote,
    createdAt: iso(p.createdAt),
  };
}

/** The policy in force for each environment at the period end (the newest version made before it). */
export const policiesSection: TableSection = {
  kind: 'policies',
  shape: 'table',
  columns: POLICY_COLUMNS,
  async *rows({ db, scope }) {
    const environments = scope.environments.length ? scope.environments : ENVIRONMENTS;
    for (const environment of [...environments].sort()) {
      const policy = await db.policy.findFirst({
        where: { environment, createdAt: { lt: scope.to } },
        orderBy: { version: 'desc' },
      });
      if (policy) yield policyRow(policy);
    }
  },
};
