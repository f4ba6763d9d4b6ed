import 'server-only';
import type { Environment, Prisma } from '@prisma/client';
import { exceptionStanding, type ExceptionStanding } from '@/lib/domain/exceptions/state-machine';
import { auditorWindows, windowsWhere } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZListExceptionsQuery, type TListExceptionsQuery } from '@/lib/validation/exception';
import { standingWhere } from './standing-where';

export interface ExceptionRow {
  id: string;
  toolId: string;
  toolName: string;
  scope: string;
  environment: Environment;
  rules: string[];
  standing: ExceptionStanding;
  expiresAt: Date;
  requesterName: string;
  createdAt: Date;
}

/** The exceptions register: every state, filtered from the URL, newest first. */
export async function listPolicyExceptions({ actor, input }: OperationCall<TListExceptionsQuery>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'exception:read');
  const q = parseInput(ZListExceptionsQuery, input);
  const where: Prisma.PolicyExceptionWhereInput = {
    ...(q.standing ? standingWhere(q.standing, now) : {}),
    ...(q.environment ? { environment: q.environment } : {}),
    ...(q.toolId ? { toolId: q.toolId } : {}),
    ...(q.q ? { tool: { name: { contains: q.q, mode: 'insensitive' } } } : {}),
  };
  // An auditor sees the exceptions of their open audits' environments that ran during the period (ADR 0010).
  const scope = windowsWhere(await auditorWindows(db, actor, now), (w, range) => ({
    environment: { in: w.environments },
    createdAt: { lt: range.lt },
    expiresAt: { gt: range.gte },
  }));
  const scoped: Prisma.PolicyExceptionWhereInput = scope ? { AND: [where, scope] } : where;
  const [total, rows] = await Promise.all([
    db.policyException.count({ where: scoped }),
    db.policyException.findMany({
      where: scoped,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      include: { tool: { select: { name: true } } },
    }),
  ]);
  const names = await userNames(
    db,
    rows.map((r) => r.requestedById),
  );
  const versionNames = new Map(
    (
      await db.toolVersion.findMany({
        where: { id: { in: rows.flatMap((r) => (r.toolVersionId ? [r.toolVersionId] : [])) } },
        select: { id: true, version: true },
      })
    ).map((v) => [v.id, v.version]),
  );
  return {
    rows: rows.map((r): ExceptionRow => ({
      id: r.id,
      toolId: r.toolId,
      toolName: r.tool.name,
      scope: scopeLabel(r, versionNames.get(r.toolVersionId ?? '')),
      environment: r.environment,
      rules: r.rules,
      standing: exceptionStanding(r, now),
      expiresAt: r.expiresAt,
      requesterName: names.get(r.requestedById) ?? r.requestedById,
      createdAt: r.createdAt,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export function scopeLabel(e: { toolVersionId: string | null; versionRange: string | null }, version?: string): string {
  if (e.toolVersionId) return version ?? 'one version';
  return e.versionRange ?? 'every version';
}

export async function userNames(db: Prisma.TransactionClient, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, u.name || u.email]));
}
