import 'server-only';
import { periodIssues } from '@/lib/domain/evidence/period';
import { requirePerson } from '@/lib/server/change-requests/acting-user';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { loadEngagementFor } from '@/lib/server/engagements/engagement-access';
import { badRequest } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZRequestEvidencePackBuildInput, type TRequestEvidencePackBuildInput } from '@/lib/validation/evidence-pack';
import { BUILD_VIEW_INCLUDE, toBuildView } from './evidence-pack-build-view';

/**
 * Queues an evidence pack build for a period and scope; the pack runner (pack-runner.ts) picks
 * it up. A period that ends after today or ends before it starts is a field error: a pack of
 * days that have not happened would claim a completeness it cannot have.
 */
export async function requestEvidencePackBuild(
  { actor, input }: OperationCall<TRequestEvidencePackBuildInput>,
  ctx?: OperationContextInput,
) {
  const { db, now } = await operationContext(ctx);
  const data = authorize(actor, 'evidence:build', ZRequestEvidencePackBuildInput, input);
  const person = requirePerson(actor);
  const issues = periodIssues(data.from, data.to, now);
  if (issues.length) throw badRequest('Choose a period that has ended', issues);
  if (data.engagementId) await loadEngagementFor(db, actor, data.engagementId, now, 'engagement:read');
  if (data.toolIds.length) {
    const known = await db.tool.count({ where: { id: { in: data.toolIds } } });
    if (known !== new Set(data.toolIds).size)
      throw badRequest('Unknown tool', [{ path: 'toolIds', message: 'Choose tools of the inventory' }]);
  }
  const build = await db.$transaction(async (tx) => {
    const created = await tx.evidencePackBuild.create({
      data: {
        periodFrom: data.from,
        periodTo: data.to,
        environments: data.environments,
        toolIds: [...new Set(data.toolIds)].sort(),
        engagementId: data.engagementId ?? null,
        requestedById: person.id,
        createdAt: now,
      },
      include: BUILD_VIEW_INCLUDE,
    });
    await recordAuditEvent(tx, actor, {
      action: 'evidencePack.requested',
      entityType: 'EvidencePack',
      entityId: created.id,
      after: {
        from: data.from,
        to: data.to,
        environments: created.environments,
        toolIds: created.toolIds,
        engagementId: created.engagementId,
      },
    });
    return created;
  });
  return toBuildView(build);
}
