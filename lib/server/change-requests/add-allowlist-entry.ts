import 'server-only';
import type { AllowlistEntry } from '@prisma/client';
import { badRequest, conflict } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ALLOWLIST_STATUS_LABELS, LIVE_ALLOWLIST_STATUSES } from '@/lib/domain/change-requests/state-machine';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import { ZAllowlistEntryInput, type TAllowlistEntryInput } from '@/lib/validation/change-request';
import { requirePerson } from './acting-user';

/**
 * Proposes a tool for one environment's allowlist. The entry is PENDING: it waives nothing until
 * a security reviewer other than its creator approves it (decideAllowlistEntry). Adding a tool
 * whose earlier entry was rejected or removed starts that entry over, as a new proposal.
 */
export async function addAllowlistEntry(
  { actor, input }: OperationCall<TAllowlistEntryInput>,
  ctx?: OperationContextInput,
): Promise<AllowlistEntry> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'allowlist:manage');
  const person = requirePerson(actor);
  const data = parseInput(ZAllowlistEntryInput, input);
  return db.$transaction(async (tx) => {
    const tool = await tx.tool.findUnique({ where: { id: data.toolId }, select: { id: true, name: true } });
    if (!tool) throw badRequest(`Unknown tool: ${data.toolId}`, [{ path: 'toolId', message: `Unknown tool: ${data.toolId}` }]);
    const existing = await tx.allowlistEntry.findUnique({
      where: { toolId_environment: { toolId: tool.id, environment: data.environment } },
    });
    if (existing && LIVE_ALLOWLIST_STATUSES.includes(existing.status)) {
      throw conflict(
        `${tool.name} is already on the ${ENVIRONMENT_LABELS[data.environment]} allowlist (${ALLOWLIST_STATUS_LABELS[existing.status].toLowerCase()})`,
      );
    }
    const fresh = {
      status: 'PENDING',
      note: data.note,
      createdById: person.id,
      createdAt: now,
      approvedById: null,
      approvedAt: null,
      rejectedById: null,
      rejectedAt: null,
      reviewComment: '',
      revokedAt: null,
    } as const;
    const entry = existing
      ? await tx.allowlistEntry.update({ where: { id: existing.id }, data: fresh })
      : await tx.allowlistEntry.create({ data: { toolId: tool.id, environment: data.environment, ...fresh } });
    await recordAuditEvent(tx, actor, {
      action: 'allowlist.added',
      entityType: 'AllowlistEntry',
      entityId: entry.id,
      before: existing ? { status: existing.status } : undefined,
      after: { tool: tool.name, environment: data.environment, note: data.note, status: entry.status },
    });
    return entry;
  });
}
