import type { CodeExecutionLevel, DataAccessLevel, FilesystemLevel, NetworkLevel, PermissionSet } from '@/lib/domain/types';
import { LEVELS, levelRank, type PermissionDimension } from '@/lib/domain/permissions';

/**
 * `permissions_used` speaks the registry vocabulary of shared/ARCHITECTURE.md: `dimension:level`,
 * lower case, snake_case dimensions (`network:none`, `filesystem:read`, `code_execution:sandboxed`,
 * `data_access:read-write`). This table is the one mapping onto the four dimensions.
 */
const DIMENSION_BY_WIRE: Record<string, PermissionDimension> = {
  network: 'network',
  filesystem: 'filesystem',
  code_execution: 'codeExecution',
  data_access: 'dataAccess',
};

export const PERMISSION_USED_EXAMPLES = Object.keys(DIMENSION_BY_WIRE).flatMap((wire) =>
  LEVELS[DIMENSION_BY_WIRE[wire]!].map((level) => `${wire}:${wireLevel(level)}`),
);

function wireLevel(level: string): string {
  return level.toLowerCase().replace('_', '-');
}

export type PermissionUsed = { dimension: PermissionDimension; level: string };

// Every valid `dimension:level` string, parsed once: events are checked by the thousand per batch.
const USED_BY_WIRE = new Map<string, PermissionUsed>(
  Object.entries(DIMENSION_BY_WIRE).flatMap(([wire, dimension]) =>
    LEVELS[dimension].map((level): [string, PermissionUsed] => [`${wire}:${wireLevel(level)}`, { dimension, level }]),
  ),
);

/** Whether the text is a valid `dimension:level` string, exactly as agents must write it. */
export const isPermissionUsed = (text: string): boolean => USED_BY_WIRE.has(text);

/** One `dimension:level` string, or the reason it is not one. */
export function parsePermissionUsed(text: string): PermissionUsed | { error: string } {
  const known = USED_BY_WIRE.get(text);
  if (known) return known;
  const [wire, level, extra] = text.split(':');
  const dimension = wire === undefined ? undefined : DIMENSION_BY_WIRE[wire];
  if (!dimension || level === undefined || extra !== undefined) {
    return { error: `"${text}" is not dimension:level (dimensions: ${Object.keys(DIMENSION_BY_WIRE).join(', ')})` };
  }
  const allowed = LEVELS[dimension].map(wireLevel).join(', ');
  return { error: `"${text}": ${wire} level must be one of ${allowed}` };
}

export type HighestUsed = {
  network: NetworkLevel | null;
  filesystem: FilesystemLevel | null;
  codeExecution: CodeExecutionLevel | null;
  dataAccess: DataAccessLevel | null;
};

/** The highest level reported per dimension (null: the event did not mention the dimension). */
export function highestUsed(used: readonly PermissionUsed[]): HighestUsed {
  const out: Partial<Record<PermissionDimension, string>> = {};
  for (const { dimension, level } of used) {
    const current = out[dimension];
    const rank = levelRank(dimension, level as PermissionSet[typeof dimension]);
    if (current === undefined || rank > levelRank(dimension, current as PermissionSet[typeof dimension])) {
      out[dimension] = level;
    }
  }
  return {
    network: (out.network ?? null) as NetworkLevel | null,
    filesystem: (out.filesystem ?? null) as FilesystemLevel | null,
    codeExecution: (out.codeExecution ?? null) as CodeExecutionLevel | null,
    dataAccess: (out.dataAccess ?? null) as DataAccessLevel | null,
  };
}
