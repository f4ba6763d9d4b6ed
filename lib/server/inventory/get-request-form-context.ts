import 'server-only';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';

const MAX_ALERTS = 500;

/**
 * What the new-request form must know beyond its options: which tool (and version) each agent
 * already runs, so "New tool" for a tool the agent has is caught before submitting and
 * "Version update" can say what it replaces; and the open alerts of each version.
 */
export async function getRequestFormContext({ actor }: OperationCall<Record<string, never>>, ctx?: OperationContextInput) {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'changeRequest:create');
  const [installations, alerts] = await Promise.all([
    db.installation.findMany({
      where: { state: { not: 'REVOKED' } },
      select: { agentId: true, toolId: true, toolVersionId: true, state: true, toolVersion: { select: { version: true } } },
    }),
    db.alert.findMany({
      where: { state: { not: 'RESOLVED' }, toolId: { not: null } },
      select: { id: true, title: true, severity: true, state: true, toolId: true, toolVersionId: true },
      orderBy: [{ severity: 'desc' }, { createdAt: 'desc' }],
      take: MAX_ALERTS,
    }),
  ]);
  return {
    installations: installations.map((i) => ({
      agentId: i.agentId,
      toolId: i.toolId,
      toolVersionId: i.toolVersionId,
      version: i.toolVersion.version,
      state: i.state,
    })),
    alerts,
  };
}

export type RequestFormContext = Awaited<ReturnType<typeof getRequestFormContext>>;
