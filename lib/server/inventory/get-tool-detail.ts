import 'server-only';
import type { Environment } from '@prisma/client';
import { findEscalations, type Escalation } from '@/lib/domain/permissions';
import { assertToolInsideAudits } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZRecordId } from '@/lib/validation/inventory';

const AUDIT_LIMIT = 100;

/**
 * Everything the tool page shows, or null when the id is malformed or unknown: both are the
 * same "no such tool" to a reader (a 404), so the id is checked here rather than as a 400.
 */
export async function getToolDetail({ actor, input }: OperationCall<{ toolId: string }>, ctx?: OperationContextInput) {
  const { db: prisma, now } = await operationContext(ctx);
  assertActorCan(actor, 'inventory:read');
  const id = ZRecordId.safeParse(input.toolId);
  if (!id.success) return null;
  const tool = await prisma.tool.findUnique({
    where: { id: id.data },
    include: {
      registry: { select: { id: true, name: true, kind: true } },
      publisher: {
        select: { id: true, name: true, trustLevel: true, identityVerifiedAt: true, identityWithdrawnAt: true, websiteUrl: true },
      },
      versions: {
        orderBy: [{ publishedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }, { id: 'asc' }],
        include: { verifications: { orderBy: [{ verifiedAt: 'desc' }, { id: 'asc' }] } },
      },
    },
  });
  if (!tool) return null;
  // An auditor opens only a tool of their open audits' inventory (ADR 0010): outside, 403 and logged.
  await assertToolInsideAudits(prisma, actor, now, tool.id);

  const versionIds = tool.versions.map((v) => v.id);
  const [installations, alerts, audit] = await Promise.all([
    prisma.installation.findMany({
      where: { toolId: tool.id },
      include: { agent: { select: { id: true, name: true, environment: true } }, toolVersion: { select: { version: true } } },
      orderBy: [{ environment: 'asc' }, { updatedAt: 'desc' }],
    }),
    prisma.alert.findMany({ where: { toolId: tool.id, state: { not: 'RESOLVED' } }, orderBy: [{ createdAt: 'desc' }], take: 50 }),
    prisma.auditEvent.findMany({
      where: {
        OR: [
          { entityType: 'Tool', entityId: tool.id },
          { entityType: 'ToolVersion', entityId: { in: versionIds } },
        ],
      },
      orderBy: { seq: 'desc' },
      take: AUDIT_LIMIT,
    }),
  ]);

  // Escalation of each version against the one published before it.
  const versions = tool.versions.map((v, i) => {
    const prev = tool.versions[i - 1];
    const escalations: Escalation[] = prev ? findEscalations(prev, v) : [];
    return { ...v, previousVersion: prev?.version ?? null, escalations };
  });

  const byEnvironment = new Map<Environment, typeof installations>();
  for (const inst of installations) byEnvironment.set(inst.environment, [...(byEnvironment.get(inst.environment) ?? []), inst]);

  return {
    tool,
    // Newest first for reading; escalations were computed oldest first.
    versions: versions.reverse(),
    installations,
    installationsByEnvironment: byEnvironment,
    alerts,
    audit: audit.map((e) => ({ ...e, seq: e.seq.toString() })),
    auditTruncated: audit.length === AUDIT_LIMIT,
  };
}

export type ToolDetail = NonNullable<Awaited<ReturnType<typeof getToolDetail>>>;
export type ToolDetailVersion = ToolDetail['versions'][number];
