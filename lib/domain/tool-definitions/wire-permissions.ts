import { DIMENSIONS, type PermissionDimension } from '@/lib/domain/permissions';
import type { PermissionSet } from '@/lib/domain/types';

/** Our dimensions as agents write them in events (shared/ARCHITECTURE.md §5): `code_execution:sandboxed`. */
const WIRE_DIMENSION: Record<PermissionDimension, string> = {
  network: 'network',
  filesystem: 'filesystem',
  codeExecution: 'code_execution',
  dataAccess: 'data_access',
};

/** A permission set as the `dimension:level` strings of an invocation event's `permissions_used`. */
export function toWirePermissions(set: PermissionSet): string[] {
  return DIMENSIONS.map((d) => `${WIRE_DIMENSION[d]}:${String(set[d]).toLowerCase().replace('_', '-')}`);
}
