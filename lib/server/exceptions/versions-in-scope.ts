import 'server-only';
import type { Prisma } from '@prisma/client';
import semver from 'semver';
import { versionInRange } from '@/lib/domain/policy/exceptions';
import { badRequest } from '@/lib/server/errors';
import { VERSION_FACTS_SELECT } from '@/lib/server/policies/version-facts';

/**
 * The tool's stored versions an exception's scope names: the one version, or every version in
 * the semver range. A scope that names nothing is a field error, not an empty exception.
 */
export async function versionsInScope(
  tx: Prisma.TransactionClient,
  scope: { toolId: string; toolVersionId?: string | null; versionRange?: string | null },
) {
  if (scope.toolVersionId) {
    const v = await tx.toolVersion.findFirst({
      where: { id: scope.toolVersionId, toolId: scope.toolId },
      select: VERSION_FACTS_SELECT,
    });
    if (!v)
      throw badRequest('toolVersionId: Not a version of this tool', [
        { path: 'toolVersionId', message: 'Not a version of this tool' },
      ]);
    return [v];
  }
  const range = scope.versionRange ?? '';
  if (semver.validRange(range) === null)
    throw badRequest('versionRange: Not a semver range', [
      { path: 'versionRange', message: 'Not a semver range (e.g. >=2.1.0 <2.2.0)' },
    ]);
  const all = await tx.toolVersion.findMany({ where: { toolId: scope.toolId }, select: VERSION_FACTS_SELECT });
  const hits = all.filter((v) => versionInRange(v.version, range));
  if (hits.length === 0)
    throw badRequest('versionRange: No version of this tool is in the range', [
      { path: 'versionRange', message: 'No version of this tool is in the range' },
    ]);
  return hits;
}
