import 'server-only';
import type { Alert, Prisma } from '@prisma/client';
import type { AlertFields, AlertPerson } from '@/lib/domain/ocsf/detection-finding';

/**
 * Alerts as webhook messages carry them: with who works each one and its notes (author, time,
 * text), oldest first. Two reads however many alerts (the outbox queues up to 200 at a time),
 * inside the caller's transaction when there is one, so a change's message shows that change.
 */
export async function alertWebhookFields(db: Prisma.TransactionClient, alerts: readonly Alert[]): Promise<AlertFields[]> {
  if (alerts.length === 0) return [];
  const notes = await db.alertNote.findMany({
    where: { alertId: { in: alerts.map((a) => a.id) } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const ids = [...new Set([...alerts.flatMap((a) => (a.assigneeId ? [a.assigneeId] : [])), ...notes.map((n) => n.authorId)])];
  const users = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  const person = (id: string): AlertPerson => {
    const u = byId.get(id);
    return u ? { id, name: u.name || u.email, email: u.email } : { id, name: id, email: null };
  };
  return alerts.map((a) => ({
    ...a,
    assignee: a.assigneeId ? person(a.assigneeId) : null,
    notes: notes
      .filter((n) => n.alertId === a.id)
      .map((n) => ({ id: n.id, author: person(n.authorId), createdAt: n.createdAt, body: n.body })),
  }));
}
