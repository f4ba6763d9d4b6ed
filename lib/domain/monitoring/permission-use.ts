import { DIMENSIONS, levelRank, type PermissionDimension } from '../permissions';
import type { PermissionSet } from '../types';

/** The highest level observed per dimension (null: no event reported the dimension). */
export type ObservedLevels = { [D in PermissionDimension]: PermissionSet[D] | null };

export interface DimensionDrift {
  dimension: PermissionDimension;
  declared: string;
  observed: string;
}

/** Drift: the dimensions where what the events used exceeds what the version declared. */
export function permissionDrift(declared: PermissionSet, observed: ObservedLevels): DimensionDrift[] {
  return DIMENSIONS.flatMap((d) => {
    const used = observed[d];
    if (used === null || levelRank(d, used) <= levelRank(d, declared[d])) return [];
    return [{ dimension: d, declared: declared[d], observed: used }];
  });
}

export interface UnusedPermission {
  dimension: PermissionDimension;
  declared: string;
  /** The highest level used in the period ('NONE' when no event reported the dimension). */
  highestUsed: string;
}

/**
 * Least privilege, the reverse of drift: declared levels above anything the events used in the
 * period. Each is a recommendation to grant (or ask the publisher for) the lower level.
 */
export function unusedPermissions(declared: PermissionSet, observed: ObservedLevels): UnusedPermission[] {
  return DIMENSIONS.flatMap((d) => {
    const used = observed[d] ?? 'NONE';
    if (levelRank(d, declared[d]) <= levelRank(d, used as PermissionSet[typeof d])) return [];
    return [{ dimension: d, declared: declared[d], highestUsed: used }];
  });
}

/** The higher of two observations per dimension (a rollup over hours or versions). */
export function mergeObserved(a: ObservedLevels, b: ObservedLevels): ObservedLevels {
  const pick = <D extends PermissionDimension>(d: D): PermissionSet[D] | null => {
    const x = a[d];
    const y = b[d];
    if (x === null) return y;
    if (y === null) return x;
    return levelRank(d, y) > levelRank(d, x) ? y : x;
  };
  return {
    network: pick('network'),
    filesystem: pick('filesystem'),
    codeExecution: pick('codeExecution'),
    dataAccess: pick('dataAccess'),
  };
}

export const NOTHING_OBSERVED: ObservedLevels = { network: null, filesystem: null, codeExecution: null, dataAccess: null };
