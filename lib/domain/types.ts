// Domain enums as string unions: the same values as the Prisma enums, without importing Prisma
// (lib/domain stays free of I/O and of the data layer).
export type Environment = 'PRODUCTION' | 'STAGING' | 'DEVELOPMENT';
export type Tier = 'GOLD' | 'VERIFIED' | 'PARTIAL' | 'UNVERIFIED' | 'FAILED';
export type NetworkLevel = 'NONE' | 'INTERNAL' | 'EXTERNAL';
export type FilesystemLevel = 'NONE' | 'READ' | 'WRITE';
export type CodeExecutionLevel = 'NONE' | 'SANDBOXED' | 'UNRESTRICTED';
export type DataAccessLevel = 'NONE' | 'READ' | 'READ_WRITE';

export const ENVIRONMENTS: readonly Environment[] = ['PRODUCTION', 'STAGING', 'DEVELOPMENT'];
export const TIERS: readonly Tier[] = ['GOLD', 'VERIFIED', 'PARTIAL', 'UNVERIFIED', 'FAILED'];

export const ENVIRONMENT_LABELS: Record<Environment, string> = {
  PRODUCTION: 'Production',
  STAGING: 'Staging',
  DEVELOPMENT: 'Development',
};

export interface PermissionSet {
  network: NetworkLevel;
  filesystem: FilesystemLevel;
  codeExecution: CodeExecutionLevel;
  dataAccess: DataAccessLevel;
}
