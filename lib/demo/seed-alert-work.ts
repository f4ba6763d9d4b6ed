import type { PrismaClient } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { addAlertNote } from '@/lib/server/alerts/add-alert-note';
import { assignAlert } from '@/lib/server/alerts/assign-alert';
import { DEMO_MONITORING } from './seed-monitoring';

const MINUTE = 60_000;

/**
 * The alert inbox at work (issue 11.5), through the real operations: the security reviewer takes
 * the demo burst (an anomaly) and writes what they checked; the compliance officer hands the
 * oldest open registry alert to the reviewer with a note. The drift alert stays unassigned: the
 * e2e spec has an officer take it.
 */
export async function seedAlertWork(prisma: PrismaClient): Promise<void> {
  if ((await prisma.alert.count({ where: { assigneeId: { not: null } } })) > 0) return;
  const personOf = async (email: string): Promise<(Actor & { type: 'USER' }) | null> => {
    const u = await prisma.user.findUnique({ where: { email } });
    return u ? { type: 'USER', id: u.id, label: u.email, role: u.role } : null;
  };
  const reviewer = await personOf('security@toolledger.local');
  const officer = await personOf('compliance@toolledger.local');
  if (!reviewer || !officer) return;
  const now = Date.now();
  const at = (minutesAgo: number) => ({ db: prisma, now: new Date(now - minutesAgo * MINUTE) });

  const anomalies = await prisma.alert.findMany({ where: { kind: 'invocation-anomaly', state: 'OPEN' } });
  // The burst can raise more than one anomaly (calls, sizes): the reviewer takes the call-rate one.
  const burst = anomalies.find((a) => {
    const d = a.detail as { tool?: string; metric?: string };
    return d.tool === DEMO_MONITORING.burstTool && d.metric === 'calls';
  });
  if (burst) {
    await assignAlert({ actor: reviewer, input: { id: burst.id, assigneeId: reviewer.id } }, at(20));
    await addAlertNote(
      {
        actor: reviewer,
        input: {
          id: burst.id,
          body: `Checked with the support team: ${DEMO_MONITORING.agent} replayed a backlog of tickets after an outage. Watching the next hours before resolving.`,
        },
      },
      at(15),
    );
  }
  const registryAlert = await prisma.alert.findFirst({
    where: { state: 'OPEN', kind: { not: { startsWith: 'invocation-' } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  if (registryAlert) {
    await assignAlert({ actor: officer, input: { id: registryAlert.id, assigneeId: reviewer.id } }, at(12));
    await addAlertNote(
      { actor: officer, input: { id: registryAlert.id, body: 'Sam, please check this with the publisher before Friday.' } },
      at(10),
    );
  }
}
