import 'server-only';
import type { Prisma } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { forbidden } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { parseInput, type OperationCall } from '@/lib/server/operation';
import { ZUnknownToolAttempt, type TUnknownToolAttempt } from '@/lib/validation/change-request';

const REVIEW_DAYS = 5;

/** Only the enforcement path opens these: an API key with the enforce scope (or the system, in jobs and tests). */
function assertMayEnforce(actor: Actor): void {
  if (actor.type === 'SYSTEM') return;
  if (actor.type === 'API_KEY' && actor.scopes.includes('ENFORCE')) return;
  throw forbidden('Only an API key with the enforce scope opens requests for unknown tools');
}

/**
 * The operation contract's variant for a step inside the caller's transaction (ADR 0004): the
 * context's `db` is that transaction, so the request, the alert and the logged decision commit together.
 */
export interface InTransactionContext {
  db: Prisma.TransactionClient;
  now?: Date;
}

/**
 * A registered agent tried to install a tool the inventory does not know: open a NEW_TOOL change
 * request (source ENFORCEMENT) and an "unapproved-install" alert, once per agent + tool + version.
 * Repeated attempts reuse the open request (the alert's dedupe key finds it) instead of piling up.
 */
export async function openRequestForUnknownTool(
  { actor, input }: OperationCall<TUnknownToolAttempt>,
  { db: tx, now = new Date() }: InTransactionContext,
): Promise<string> {
  assertMayEnforce(actor);
  const a = parseInput(ZUnknownToolAttempt, input);
  const dedupeKey = `unapproved-install:${a.agentName}:${a.toolName}@${a.version}`;
  // Two concurrent attempts for the same key take turns, so only one request is opened.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${dedupeKey}))`;
  const existing = await tx.alert.findUnique({ where: { dedupeKey }, select: { id: true, state: true, detail: true } });
  const previousRequestId = (existing?.detail as { changeRequestId?: string } | null)?.changeRequestId;
  if (existing && existing.state !== 'RESOLVED' && previousRequestId) {
    const request = await tx.changeRequest.findUnique({ where: { id: previousRequestId }, select: { id: true, state: true } });
    if (request && (request.state === 'COMPLIANCE_REVIEW' || request.state === 'SECURITY_REVIEW')) return request.id;
  }
  const request = await tx.changeRequest.create({
    data: {
      kind: 'NEW_TOOL',
      source: 'ENFORCEMENT',
      toolId: null,
      requestedToolName: a.toolName,
      requestedVersion: a.version,
      agentId: a.agentId,
      environment: a.environment,
      artifactDigest: a.artifactDigest,
      justification: `${a.agentName} tried to install ${a.toolName}@${a.version}, which is not in the inventory.`,
      evaluationSnapshot: {
        evaluatedAt: now.toISOString(),
        environment: a.environment,
        policyId: a.policy.id ?? null,
        policyVersion: a.policy.version,
        passes: false,
        unknownTool: true,
        verdicts: [],
        note: 'The tool is not in the inventory yet: add or sync it, then evaluate the version against the policy.',
      },
      requiresSecurityReview: true,
      dueAt: new Date(now.getTime() + REVIEW_DAYS * 86_400_000),
    },
  });
  const detail = {
    agentName: a.agentName,
    toolName: a.toolName,
    version: a.version,
    environment: a.environment,
    changeRequestId: request.id,
  };
  const alert = await tx.alert.upsert({
    where: { dedupeKey },
    create: {
      dedupeKey,
      kind: 'unapproved-install',
      severity: 'HIGH',
      title: `${a.agentName} tried to install unknown tool ${a.toolName}@${a.version}`,
      detail,
    },
    update: { state: 'OPEN', detail, resolvedAt: null, resolvedBy: null },
  });
  await recordAuditEvent(tx, actor, {
    action: 'changeRequest.openedByEnforcement',
    entityType: 'ChangeRequest',
    entityId: request.id,
    after: request,
  });
  await recordAuditEvent(tx, actor, {
    action: existing ? 'alert.reopened' : 'alert.raised',
    entityType: 'Alert',
    entityId: alert.id,
    after: alert,
  });
  return request.id;
}
