import type { CodeExecutionLevel, DataAccessLevel, FilesystemLevel, NetworkLevel, PermissionSet } from './types';

export type PermissionDimension = keyof PermissionSet;

export const DIMENSIONS: readonly PermissionDimension[] = ['network', 'filesystem', 'codeExecution', 'dataAccess'];

/** Each dimension's levels, lowest first: the order is the lattice. */
export const LEVELS = {
  network: ['NONE', 'INTERNAL', 'EXTERNAL'],
  filesystem: ['NONE', 'READ', 'WRITE'],
  codeExecution: ['NONE', 'SANDBOXED', 'UNRESTRICTED'],
  dataAccess: ['NONE', 'READ', 'READ_WRITE'],
} as const satisfies { [D in PermissionDimension]: readonly PermissionSet[D][] };

export const DIMENSION_LABELS: Record<PermissionDimension, string> = {
  network: 'Network',
  filesystem: 'Filesystem',
  codeExecution: 'Code execution',
  dataAccess: 'Data access',
};

export const LEVEL_LABELS: {
  network: Record<NetworkLevel, string>;
  filesystem: Record<FilesystemLevel, string>;
  codeExecution: Record<CodeExecutionLevel, string>;
  dataAccess: Record<DataAccessLevel, string>;
} = {
  network: { NONE: 'none', INTERNAL: 'internal', EXTERNAL: 'external' },
  filesystem: { NONE: 'none', READ: 'read', WRITE: 'write' },
  codeExecution: { NONE: 'none', SANDBOXED: 'sandboxed', UNRESTRICTED: 'unrestricted' },
  dataAccess: { NONE: 'none', READ: 'read', READ_WRITE: 'read-write' },
};

export const NO_PERMISSIONS: PermissionSet = { network: 'NONE', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'NONE' };

/** Position of a level in its dimension (0 = none). */
export function levelRank<D extends PermissionDimension>(dimension: D, level: PermissionSet[D]): number {
  return (LEVELS[dimension] as readonly string[]).indexOf(level);
}

export interface Escalation {
  dimension: PermissionDimension;
  from: string;
  to: string;
}

/** The dimensions where `next` rises above `previous`. A version escalates when this is not empty. */
export function findEscalations(previous: PermissionSet, next: PermissionSet): Escalation[] {
  return DIMENSIONS.filter((d) => levelRank(d, next[d]) > levelRank(d, previous[d])).map((d) => ({
    dimension: d,
    from: previous[d],
    to: next[d],
  }));
}

/** The dimensions where `actual` exceeds `maximum`. */
export function exceedsMaximum(actual: PermissionSet, maximum: PermissionSet): Escalation[] {
  return findEscalations(maximum, actual);
}

/** Highest level per dimension across sets (e.g. across sources or across a tool's versions). */
export function mostPermissive(sets: readonly PermissionSet[]): PermissionSet {
  const out = { ...NO_PERMISSIONS };
  for (const s of sets) {
    for (const d of DIMENSIONS) {
      if (levelRank(d, s[d]) > levelRank(d, out[d])) (out as Record<PermissionDimension, string>)[d] = s[d];
    }
  }
  return out;
}

export function formatLevel<D extends PermissionDimension>(dimension: D, level: PermissionSet[D]): string {
  return (LEVEL_LABELS[dimension] as Record<string, string>)[level] ?? level;
}
