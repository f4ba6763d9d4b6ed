import 'server-only';
import type { Incident, Prisma } from '@prisma/client';
import { notFound } from '@/lib/server/errors';

/** The incident an action is on, read inside its transaction; unknown = 404. */
export async function loadIncidentFor(tx: Prisma.TransactionClient, id: string): Promise<Incident> {
  const incident = await tx.incident.findUnique({ where: { id } });
  if (!incident) throw notFound('Incident');
  return incident;
}
