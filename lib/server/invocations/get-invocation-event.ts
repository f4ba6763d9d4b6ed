import 'server-only';
import { z } from 'zod';
import { notFound } from '@/lib/server/errors';
import { assertInsideAudits } from '@/lib/server/engagements/auditor-scope';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { assertCanReadEvents } from './assert-can-read-events';

export const ZGetInvocationEventInput = z.object({
  seq: z
    .string()
    .regex(/^\d{1,18}$/, 'Not an event number')
    .transform((s) => BigInt(s)),
});
export type TGetInvocationEventInput = z.input<typeof ZGetInvocationEventInput>;

/**
 * One event with what explains it: the enforcement decision it was linked to, its neighbours in
 * the chain, and the alerts raised about its agent, tool and version.
 */
export async function getInvocationEvent({ actor, input }: OperationCall<TGetInvocationEventInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertCanReadEvents(actor, 'invocation:read');
  const { seq } = parseInput(ZGetInvocationEventInput, input);
  const event = await db.invocationEvent.findFirst({ where: { seq } });
  if (!event) throw notFound(`Invocation event #${seq}`);
  // An auditor opens an event of an open audit's period on an agent of its environments (as the explorer).
  await assertInsideAudits(db, actor, now, { entityType: 'InvocationEvent', entityId: String(seq) }, async (windows) => {
    const agent = event.agentId
      ? await db.agent.findUnique({ where: { id: event.agentId }, select: { environment: true } })
      : null;
    return windows.some(
      (w) =>
        event.occurredAt >= w.from &&
        event.occurredAt < w.to &&
        (agent ? w.environments.includes(agent.environment) : w.environments.length === 3),
    );
  });
  const subject = `${event.agentName}:${event.toolName}:${event.toolVersion}`;
  // Monitor alerts (lib/server/monitoring): those listing this event as evidence, and the
  // anomalies of its tool in the hour it fell into.
  const hour = new Date(Math.floor(event.occurredAt.getTime() / 3_600_000) * 3_600_000).toISOString();
  const evidenceOf = await db.alertEvidenceEvent.findMany({ where: { seq }, select: { alertId: true } });
  const [decision, previous, next, alerts] = await Promise.all([
    event.decisionId ? db.enforcementDecision.findUnique({ where: { id: event.decisionId } }) : null,
    db.invocationEvent.findFirst({ where: { seq: seq - 1n }, select: { seq: true, hash: true } }),
    db.invocationEvent.findFirst({ where: { seq: seq + 1n }, select: { seq: true, prevHash: true } }),
    db.alert.findMany({
      where: {
        OR: [
          { dedupeKey: `invocation-unknown-subject:${subject}` },
          { dedupeKey: { startsWith: `invocation-unapproved-use:${subject}:` } },
          { dedupeKey: `invocation-chain-broken:${seq}` },
          { id: { in: evidenceOf.map((e) => e.alertId) } },
          {
            AND: [
              { dedupeKey: { startsWith: `invocation-anomaly:${event.toolId ?? event.toolName}:` } },
              { dedupeKey: { endsWith: `:${hour}` } },
            ],
          },
        ],
      },
      orderBy: { createdAt: 'desc' },
      select: { id: true, kind: true, severity: true, state: true, title: true, createdAt: true },
    }),
  ]);
  return { event, decision, previous, next, alerts };
}
