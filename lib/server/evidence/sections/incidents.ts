import type { Prisma } from '@prisma/client';
import { incidentRef } from '@/lib/domain/incidents/labels';
import { playbookFor } from '@/lib/domain/incidents/playbooks';
import { afterId, iso, paged } from './paged';
import type { PackScope, TableSection } from './types';

// Incidents are not per environment: an environment scope keeps them all (the pack's notes say
// what covers the whole instance). A tool scope keeps the incidents that concern those tools.
const concernsTools = (scope: PackScope): Prisma.IncidentWhereInput =>
  scope.toolIds.length
    ? {
        OR: [
          { quarantines: { some: { toolId: { in: scope.toolIds } } } },
          { links: { some: { OR: [{ toolId: { in: scope.toolIds } }, { toolVersion: { toolId: { in: scope.toolIds } } }] } } },
        ],
      }
    : {};

/**
 * Incidents open at any moment of the period (CC7.3–CC7.5): the playbook followed, what was
 * quarantined and lifted, and the timeline of every action, in full.
 */
export const incidentsSection: TableSection = {
  kind: 'incidents',
  shape: 'table',
  columns: [
    'id',
    'reference',
    'scenario',
    'severity',
    'status',
    'title',
    'ownerId',
    'openedById',
    'openedAt',
    'closedAt',
    'lessonsLearned',
    'stepsDone',
    'stepsTotal',
    'quarantines',
    'timeline',
  ],
  async *rows({ db, scope }) {
    const incidents = paged((after, take) =>
      db.incident.findMany({
        where: {
          ...afterId(after),
          openedAt: { lt: scope.to },
          OR: [{ closedAt: null }, { closedAt: { gte: scope.from } }],
          ...concernsTools(scope),
        },
        orderBy: { id: 'asc' },
        take,
        include: {
          steps: { select: { stepKey: true } },
          quarantines: { orderBy: { id: 'asc' }, include: { versions: { select: { toolVersionId: true } } } },
          events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
        },
      }),
    );
    for await (const i of incidents) {
      yield {
        id: i.id,
        reference: incidentRef(i.number),
        scenario: i.scenario,
        severity: i.severity,
        status: i.status,
        title: i.title,
        ownerId: i.ownerId,
        openedById: i.openedById,
        openedAt: iso(i.openedAt),
        closedAt: iso(i.closedAt),
        lessonsLearned: i.lessonsLearned,
        stepsDone: i.steps.length,
        stepsTotal: playbookFor(i.scenario).length,
        quarantines: i.quarantines.map((q) => ({
          id: q.id,
          toolId: q.toolId,
          toolVersionIds: q.versions.map((v) => v.toolVersionId).sort(),
          reason: q.reason,
          quarantinedById: q.quarantinedById,
          quarantinedAt: iso(q.quarantinedAt),
          liftedAt: iso(q.liftedAt),
          liftedById: q.liftedById,
          liftReason: q.liftReason,
        })),
        timeline: i.events.map((e) => ({
          at: iso(e.at),
          kind: e.kind,
          actorId: e.actorId,
          actor: e.actorLabel,
          message: e.message,
        })),
      };
    }
  },
};
