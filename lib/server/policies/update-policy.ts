import 'server-only';
import { Prisma } from '@prisma/client';
import { diffPolicies } from '@/lib/domain/policy/policy-diff';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError, conflict } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZUpdatePolicyInput, type TUpdatePolicyInput } from '@/lib/validation/policy';
import { getCurrentPolicy, invalidateCurrentPolicies, policyFactsOf } from './get-current-policies';

/**
 * Saves a policy change as a new version row (nothing is overwritten), audited with the diff.
 * Fails with 409 when someone saved another version since the editor loaded `baseVersion`.
 */
export async function updatePolicy({ actor, input }: OperationCall<TUpdatePolicyInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  const { environment, baseVersion, changeNote, ...asked } = authorize(actor, 'policy:manage', ZUpdatePolicyInput, input);
  // The version row names its author; the system (seeding) has no user row.
  const createdById = actor.type === 'USER' ? actor.id : null;
  try {
    const created = await db.$transaction(async (tx) => {
      const current = await getCurrentPolicy(environment, { db: tx });
      if (current.version !== baseVersion) {
        throw conflict(
          `The ${environment.toLowerCase()} policy changed to version ${current.version} while you edited version ${baseVersion}; reload and try again`,
        );
      }
      const settings = { ...asked, anomalyThreshold: asked.anomalyThreshold ?? current.anomalyThreshold };
      const changes = diffPolicies(current, settings);
      if (changes.length === 0)
        throw new AppError(400, 'invalid_input', 'Nothing changed: the settings are the same as the current version');
      const row = await tx.policy.create({
        data: { environment, version: current.version + 1, ...settings, changeNote, createdById, createdAt: now },
      });
      await recordAuditEvent(tx, actor, {
        action: 'policy.updated',
        entityType: 'Policy',
        entityId: row.id,
        before: current.id ? { id: current.id, version: current.version, ...pickSettings(current) } : null,
        after: { ...row, changes },
      });
      return row;
    });
    return policyFactsOf(created);
  } catch (err) {
    // Two saves racing past the version check: the (environment, version) unique index lets one win.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw conflict('Someone else saved this policy at the same moment; reload and try again');
    }
    throw err;
  } finally {
    invalidateCurrentPolicies();
  }
}

function pickSettings(p: TUpdatePolicyInput | Awaited<ReturnType<typeof getCurrentPolicy>>) {
  const {
    minTier,
    minTrustScore,
    maxNetwork,
    maxFilesystem,
    maxCodeExecution,
    maxDataAccess,
    reviewOnExternalNetwork,
    reviewOnFilesystemWrite,
    reviewOnCodeExecution,
    requireVersionVerification,
    maxVerificationAgeDays,
    logUnverified,
    maxExceptionDays,
    gatewayFailOpen,
    anomalyThreshold,
  } = p;
  return {
    minTier,
    minTrustScore,
    maxNetwork,
    maxFilesystem,
    maxCodeExecution,
    maxDataAccess,
    reviewOnExternalNetwork,
    reviewOnFilesystemWrite,
    reviewOnCodeExecution,
    requireVersionVerification,
    maxVerificationAgeDays,
    logUnverified,
    maxExceptionDays,
    gatewayFailOpen,
    anomalyThreshold,
  };
}
