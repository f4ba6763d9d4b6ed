import type { PrismaClient } from '@prisma/client';
import { playbookFor } from '@/lib/domain/incidents/playbooks';
import type { Actor } from '@/lib/server/actor';
import { updateAlertState } from '@/lib/server/alerts/update-alert-state';
import { advanceIncident } from '@/lib/server/incidents/advance-incident';
import { completeIncidentStep } from '@/lib/server/incidents/complete-incident-step';
import { liftQuarantine } from '@/lib/server/incidents/lift-quarantine';
import { openIncident } from '@/lib/server/incidents/open-incident';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Demo incident (issue 14.6): a supply-chain attack on a version running in production, handled
 * end to end through the real operations at recorded times — opened with a quarantine of that
 * version (the agents' owners alerted), the playbook worked phase by phase, the quarantine lifted
 * by a security reviewer with the reason, the owners' alerts resolved, and the incident closed
 * with its lessons. So the incident pages, the tool page, the audit trail and the evidence pack
 * show a response as it runs.
 */
export async function seedIncidents(prisma: PrismaClient): Promise<void> {
  if ((await prisma.incident.count()) > 0) return;
  const reviewer = await prisma.user.findFirst({ where: { role: 'SECURITY_REVIEWER' }, orderBy: { email: 'asc' } });
  const install = await prisma.installation.findFirst({
    where: { environment: 'PRODUCTION', state: 'ACTIVE' },
    orderBy: [{ tool: { name: 'asc' } }, { id: 'asc' }],
    select: { toolId: true, toolVersionId: true, tool: { select: { name: true } }, toolVersion: { select: { version: true } } },
  });
  if (!reviewer || !install) return;
  const actor: Actor = { type: 'USER', id: reviewer.id, label: reviewer.email, role: reviewer.role };
  const opened = new Date(Date.now() - 21 * DAY);
  const at = (days: number, hours = 0) => ({ db: prisma, now: new Date(opened.getTime() + days * DAY + hours * HOUR) });
  const label = `${install.tool.name} ${install.toolVersion.version}`;

  const incident = await openIncident(
    {
      actor,
      input: {
        scenario: 'SUPPLY_CHAIN_ATTACK',
        severity: 'CRITICAL',
        title: `Re-published artifact for ${label}`,
        summary: `The registry served a different artifact for ${label} than the one verified and approved; the publisher had not released it.`,
        toolId: install.toolId,
        quarantine: true,
        toolVersionIds: [install.toolVersionId],
        quarantineReason: 'Artifact digest no longer matches the verified release; held until provenance is re-established.',
      },
    },
    at(0),
  );
  const steps = playbookFor('SUPPLY_CHAIN_ATTACK');
  const notes: Record<string, string> = {
    'quarantine-versions': 'Quarantined at opening; enforcement denied the version from that moment.',
    'pin-known-good': 'Agents pinned to the approved digest.',
    'check-provenance': 'Publisher confirmed a compromised CI token; the signed release is intact.',
    'review-invocations': 'No invocation of the tampered artifact was reported.',
    'purge-artifacts': 'Caches purged; only the signed artifact is served again.',
    'verify-clean': 'Re-verified: digest and signature match the approved release.',
  };
  const doStep = async (key: string, day: number, hour: number) =>
    completeIncidentStep({ actor, input: { incidentId: incident.id, stepKey: key, note: notes[key] ?? '' } }, at(day, hour));
  const phase = (p: string) => steps.filter((s) => s.phase === p).map((s) => s.key);

  for (const [n, key] of phase('contain').entries()) await doStep(key, 0, 1 + n);
  await advanceIncident({ actor, input: { incidentId: incident.id, to: 'CONTAINED' } }, at(0, 4));
  for (const [n, key] of [...phase('investigate'), ...phase('eradicate')].entries()) await doStep(key, 1 + n, 0);
  const recover = phase('recover');
  for (const key of recover.filter((k) => k !== 'lift-quarantine')) await doStep(key, 5, 0);
  const quarantine = await prisma.toolQuarantine.findFirstOrThrow({ where: { incidentId: incident.id } });
  await liftQuarantine(
    {
      actor,
      input: {
        id: quarantine.id,
        reason: 'Provenance re-established: the served artifact is the signed, verified release again.',
      },
    },
    at(5, 2),
  );
  for (const key of recover.filter((k) => k === 'lift-quarantine')) await doStep(key, 5, 3);
  const alerts = await prisma.alert.findMany({
    where: { kind: 'incident-quarantine', detail: { path: ['incidentId'], equals: incident.id } },
  });
  for (const a of alerts) await updateAlertState({ actor, input: { id: a.id, action: 'resolve' } }, at(5, 4));
  await advanceIncident({ actor, input: { incidentId: incident.id, to: 'RECOVERED' } }, at(5, 5));
  for (const key of phase('lessons')) await doStep(key, 7, 0);
  await advanceIncident(
    {
      actor,
      input: {
        incidentId: incident.id,
        to: 'CLOSED',
        lessonsLearned:
          'Pin approvals to artifact digests (already enforced) and alert on re-published artifacts; ask publishers for signed provenance.',
      },
    },
    at(7, 1),
  );
}
