import type { ToolVersion } from '@prisma/client';
import type { VersionFacts } from '@/lib/domain/policy/types';

export type VersionFactsRow = Pick<
  ToolVersion,
  | 'id'
  | 'toolId'
  | 'version'
  | 'tier'
  | 'trustScore'
  | 'verificationState'
  | 'lastVerifiedAt'
  | 'network'
  | 'filesystem'
  | 'codeExecution'
  | 'dataAccess'
  | 'quarantineStatus'
  | 'yankedAt'
>;

/** Select these columns to build VersionFacts for evaluatePolicy. */
export const VERSION_FACTS_SELECT = {
  id: true,
  toolId: true,
  version: true,
  tier: true,
  trustScore: true,
  verificationState: true,
  lastVerifiedAt: true,
  network: true,
  filesystem: true,
  codeExecution: true,
  dataAccess: true,
  quarantineStatus: true,
  yankedAt: true,
} as const;

export function versionFactsOf(row: VersionFactsRow): VersionFacts {
  return {
    toolId: row.toolId,
    toolVersionId: row.id,
    version: row.version,
    tier: row.tier,
    trustScore: row.trustScore,
    verificationState: row.verificationState,
    lastVerifiedAt: row.lastVerifiedAt,
    network: row.network,
    filesystem: row.filesystem,
    codeExecution: row.codeExecution,
    dataAccess: row.dataAccess,
    quarantineStatus: row.quarantineStatus,
    yankedAt: row.yankedAt,
  };
}
