/**
 * Issue 14.6: incident response with quarantine through the real operations and the real
 * enforcement route, on PGlite and PostgreSQL. Opening a supply-chain incident that quarantines a
 * version denies the very next enforcement call for it with the incident named, even with the
 * facts cache warm; the exports drop it; the affected agent's owner is alerted; only a security
 * reviewer with a reason lifts it, and the allow comes back. Every refusal writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@prisma/client';
import { POST } from '@/app/api/v1/enforce/route';
import { AppError } from '@/lib/server/errors';
import type { Actor } from '@/lib/server/actor';
import { factsCacheFor, subjectKey } from '@/lib/server/enforcement/facts-cache';
import { loadFactsSnapshot } from '@/lib/server/enforcement/load-enforcement-facts';
import { getEnvironmentExports } from '@/lib/server/exports/get-environment-exports';
import { incidentsSection } from '@/lib/server/evidence/sections/incidents';
import { snapshotTables } from '@/lib/testing/db-snapshot';
import { buildEnforceWorld, enforceRequest, type EnforceWorld } from '@/lib/testing/enforce-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import type { TOpenIncidentInput } from '@/lib/validation/incident';
import { addIncidentNote } from './add-incident-note';
import { advanceIncident } from './advance-incident';
import { completeIncidentStep } from './complete-incident-step';
import { getIncident } from './get-incident';
import { liftQuarantine } from './lift-quarantine';
import { linkIncidentRecord } from './link-incident-record';
import { listIncidents } from './list-incidents';
import { listToolIncidents } from './list-tool-incidents';
import { openIncident } from './open-incident';
import { quarantineTool } from './quarantine-tool';
import { openAuditFor } from '@/lib/testing/open-audit';

const t = withTestDatabase();
let w: EnforceWorld;
const people = {} as Record<'officer' | 'reviewer' | 'admin' | 'auditor', Actor & { type: 'USER' }>;
let goldVersionId: string;

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

// Written in the background after enforce calls, whatever the operation under test does: the
// API key's last use (a governing table, so the generation moves too) and the rate-limit window.
const BACKGROUND = ['ApiKey', 'RateLimitCounter', 'EnforcementGeneration', 'EnforcementGenerationNote'];
const tables = async () =>
  Object.fromEntries(Object.entries(await snapshotTables(t.db())).filter(([name]) => !BACKGROUND.includes(name)));

/** A refused call leaves every table as it was. */
async function refusedUnchanged(p: () => Promise<unknown>): Promise<AppError> {
  const before = await tables();
  const err = await refusal(p());
  expect(await tables()).toEqual(before);
  return err;
}

const gold = () => ({ agent: w.agents.prod, tool: 'email-parser', version: '1.0.0', action: 'invoke' });
async function enforceGold() {
  const res = await POST(enforceRequest(w.keys.enforce, gold()));
  expect(res.status).toBe(200);
  return (await res.json()) as { decision: string; reasons: { code: string; message: string; incidentId?: string }[] };
}
const generation = async () =>
  BigInt((await t.db().query<{ value: string }>(`SELECT "value"::text AS value FROM "EnforcementGeneration"`))[0]!.value);
const exportedInProduction = async () =>
  (await getEnvironmentExports({ actor: people.auditor, input: { environment: 'PRODUCTION' } })).allowed.map(
    (v) => v.toolVersionId,
  );

// Bad inputs go through on purpose: the operation, not the compiler, must refuse them.
const supplyChain = (over: Record<string, unknown> = {}) =>
  ({
    scenario: 'SUPPLY_CHAIN_ATTACK',
    severity: 'CRITICAL',
    title: 'Tampered email-parser 1.0.0 artifact',
    summary: 'The registry reports a re-published artifact under the same version.',
    toolId: w.tools.gold,
    quarantine: 'on',
    toolVersionIds: [goldVersionId],
    quarantineReason: 'Artifact digest no longer matches the signed release.',
    ...over,
  }) as TOpenIncidentInput;

beforeAll(async () => {
  const prisma = t.db().prisma;
  w = await buildEnforceWorld(prisma);
  const mk = async (key: keyof typeof people, role: Role) => {
    const u = await prisma.user.create({ data: { email: `${key}@inc.test`, name: key, role } });
    people[key] = { type: 'USER', id: u.id, label: u.email, role };
  };
  await mk('officer', 'COMPLIANCE_OFFICER');
  await mk('reviewer', 'SECURITY_REVIEWER');
  await mk('admin', 'ADMIN');
  await mk('auditor', 'AUDITOR');
  // The auditor reads with an audit open over all time (their reads are scoped to it, ADR 0010).
  await openAuditFor(prisma, people.auditor);
  goldVersionId = (await prisma.toolVersion.findFirstOrThrow({ where: { toolId: w.tools.gold } })).id;
});

describe('incident quarantine at the enforcement API', () => {
  it('denies the very next call with the incident named, though the cache was warm, and drops the export; lifting restores the allow', async () => {
    const p = t.db().prisma;
    // Warm the facts cache: the second call is answered from the cached snapshot.
    expect((await enforceGold()).decision).toBe('allow');
    expect((await enforceGold()).decision).toBe('allow');
    expect(await exportedInProduction()).toContain(goldVersionId);
    const g0 = await generation();

    const incident = await openIncident({ actor: people.reviewer, input: supplyChain() });
    expect(await generation()).toBeGreaterThan(g0);
    const denied = await enforceGold();
    expect(denied.decision).toBe('deny');
    const reason = denied.reasons.find((r) => r.code === 'incident-quarantine');
    expect(reason).toMatchObject({ incidentId: incident.id });
    expect(reason!.message).toContain(`INC-${incident.number}`);
    expect(await exportedInProduction()).not.toContain(goldVersionId);

    // The affected agent's owner is alerted, named in the alert.
    const alerts = await p.alert.findMany({ where: { kind: 'incident-quarantine' } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'CRITICAL', toolId: w.tools.gold, toolVersionId: goldVersionId });
    expect(alerts[0]!.title).toContain('owner support');
    expect(alerts[0]!.detail).toMatchObject({ agentName: w.agents.prod, owner: 'support', incidentId: incident.id });

    const detail = await getIncident({ actor: people.auditor, input: { id: incident.id } });
    expect(detail.events.map((e) => e.kind)).toEqual(['opened', 'quarantined', 'agent-owner-alerted']);
    expect(detail.quarantines).toHaveLength(1);
    expect(detail.links.map((l) => l.kind).sort()).toEqual(['TOOL', 'VERSION']);
    const audit = await p.auditEvent.findMany({ where: { entityId: { in: [incident.id, detail.quarantines[0]!.id] } } });
    expect(audit.map((a) => a.action).sort()).toEqual(['incident.opened', 'incident.ownerAlerted', 'toolQuarantine.placed']);

    const quarantineId = detail.quarantines[0]!.id;
    // Only a security reviewer lifts, and only with a reason.
    expect(
      (
        await refusedUnchanged(() =>
          liftQuarantine({ actor: people.admin, input: { id: quarantineId, reason: 'Clean again, verified.' } }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await refusedUnchanged(() =>
          liftQuarantine({ actor: people.officer, input: { id: quarantineId, reason: 'Clean again, verified.' } }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await refusedUnchanged(() =>
          liftQuarantine({ actor: people.auditor, input: { id: quarantineId, reason: 'Clean again, verified.' } }),
        )
      ).status,
    ).toBe(403);
    const noReason = await refusedUnchanged(() =>
      liftQuarantine({ actor: people.reviewer, input: { id: quarantineId, reason: ' ' } }),
    );
    expect(noReason.status).toBe(400);
    expect(noReason.issues.map((i) => i.path)).toEqual(['reason']);
    expect((await enforceGold()).decision).toBe('deny');

    await liftQuarantine({
      actor: people.reviewer,
      input: { id: quarantineId, reason: 'Registry restored the signed artifact; digest verified.' },
    });
    expect((await enforceGold()).decision).toBe('allow');
    expect(await exportedInProduction()).toContain(goldVersionId);
    const lifted = await p.toolQuarantine.findUniqueOrThrow({ where: { id: quarantineId } });
    expect(lifted).toMatchObject({ liftedById: people.reviewer.id, liftReason: expect.stringContaining('signed artifact') });
    expect(
      (
        await refusedUnchanged(() =>
          liftQuarantine({ actor: people.reviewer, input: { id: quarantineId, reason: 'Lifting twice is refused.' } }),
        )
      ).status,
    ).toBe(409);
    expect((await getIncident({ actor: people.auditor, input: { id: incident.id } })).events.at(-1)!.kind).toBe(
      'quarantine-lifted',
    );
  });

  it('does not answer from a snapshot cached before the quarantine committed', async () => {
    const db = t.db();
    const stale = await loadFactsSnapshot(db, gold());
    expect(stale.quarantines).toEqual([]);
    const incident = await openIncident({
      actor: people.admin,
      input: supplyChain({ toolVersionIds: [], title: 'Whole tool held' }),
    });
    // As if the notification had not arrived yet: the snapshot read before the quarantine is cached.
    const cache = factsCacheFor(db);
    cache.get(subjectKey(gold()));
    await new Promise((r) => setTimeout(r, 200)); // listening
    cache.set(subjectKey(gold()), stale);
    const denied = await enforceGold();
    expect(denied.decision).toBe('deny');
    expect(denied.reasons.find((r) => r.code === 'incident-quarantine')?.message).toContain(`INC-${incident.number}`);
    expect(denied.reasons.find((r) => r.code === 'incident-quarantine')?.message).toContain('every version');
    const q = await t.db().prisma.toolQuarantine.findFirstOrThrow({ where: { incidentId: incident.id } });
    await liftQuarantine({ actor: people.reviewer, input: { id: q.id, reason: 'Whole-tool hold no longer needed.' } });
    expect((await enforceGold()).decision).toBe('allow');
  });

  it('holds only the versions chosen', async () => {
    const p = t.db().prisma;
    const other = await p.toolVersion.create({ data: { toolId: w.tools.gold, version: '1.1.0' } });
    const incident = await openIncident({
      actor: people.reviewer,
      input: supplyChain({ toolVersionIds: [other.id], title: 'Only 1.1.0 is tampered' }),
    });
    expect((await enforceGold()).decision).toBe('allow');
    const tool = await listToolIncidents({ actor: people.officer, input: { id: w.tools.gold } });
    expect(tool.quarantines.find((q) => q.liftedAt === null)).toMatchObject({
      versions: ['1.1.0'],
      incident: { id: incident.id },
    });
    expect(tool.incidents.map((i) => i.id)).toContain(incident.id);
  });
});

describe('who may act, and bad input', () => {
  it('refuses opening to compliance officers and auditors, and writes nothing', async () => {
    for (const actor of [people.officer, people.auditor]) {
      expect((await refusedUnchanged(() => openIncident({ actor, input: supplyChain() }))).status).toBe(403);
    }
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ scenario: 'ALIENS' }, 'scenario'],
      [{ title: '' }, 'title'],
      [{ quarantineReason: '' }, 'quarantineReason'],
      [{ toolId: '' }, 'toolId'],
      [{ toolId: 'no-such-tool' }, 'toolId'],
      [{ toolVersionIds: ['not-a-version-of-it'] }, 'toolVersionIds'],
      [{ quarantine: undefined }, 'quarantine'],
      [{ ownerId: people.officer.id }, 'ownerId'],
      [{ summary: 'a\u0000b is here' }, 'summary'],
    ];
    for (const [over, field] of cases) {
      const err = await refusedUnchanged(() => openIncident({ actor: people.reviewer, input: supplyChain(over) }));
      expect(err.status, JSON.stringify(over)).toBe(400);
      expect(
        err.issues.map((i) => i.path),
        JSON.stringify(over),
      ).toContain(field);
    }
  });
});

describe('playbook and status', () => {
  it('moves forward only when the playbook phases are done, closes with lessons, and is read-only once closed', async () => {
    const incident = await openIncident({
      actor: people.reviewer,
      input: {
        scenario: 'DATA_LEAKAGE',
        severity: 'HIGH',
        title: 'Customer emails in tool output',
        summary: 'Seen in invocation outputs.',
        toolVersionIds: [],
      },
    });
    const tooEarly = await refusedUnchanged(() =>
      advanceIncident({ actor: people.reviewer, input: { incidentId: incident.id, to: 'CONTAINED' } }),
    );
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.message).toContain('Contain');
    const skip = await refusedUnchanged(() =>
      advanceIncident({ actor: people.reviewer, input: { incidentId: incident.id, to: 'RECOVERED' } }),
    );
    expect(skip.status).toBe(409);

    const detail = await getIncident({ actor: people.reviewer, input: { id: incident.id } });
    const phase = (ph: string) => detail.checklist.filter((s) => s.phase === ph).map((s) => s.key);
    for (const key of phase('contain'))
      await completeIncidentStep({ actor: people.reviewer, input: { incidentId: incident.id, stepKey: key, note: 'done' } });
    expect(
      (
        await refusedUnchanged(() =>
          completeIncidentStep({ actor: people.reviewer, input: { incidentId: incident.id, stepKey: phase('contain')[0]! } }),
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await refusedUnchanged(() =>
          completeIncidentStep({ actor: people.reviewer, input: { incidentId: incident.id, stepKey: 'no-such-step' } }),
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await refusedUnchanged(() =>
          completeIncidentStep({ actor: people.officer, input: { incidentId: incident.id, stepKey: phase('investigate')[0]! } }),
        )
      ).status,
    ).toBe(403);
    await advanceIncident({ actor: people.reviewer, input: { incidentId: incident.id, to: 'CONTAINED' } });
    for (const key of [...phase('investigate'), ...phase('eradicate'), ...phase('recover')])
      await completeIncidentStep({ actor: people.admin, input: { incidentId: incident.id, stepKey: key } });
    await advanceIncident({ actor: people.reviewer, input: { incidentId: incident.id, to: 'RECOVERED' } });
    for (const key of phase('lessons'))
      await completeIncidentStep({ actor: people.reviewer, input: { incidentId: incident.id, stepKey: key } });
    const noLessons = await refusedUnchanged(() =>
      advanceIncident({ actor: people.reviewer, input: { incidentId: incident.id, to: 'CLOSED' } }),
    );
    expect(noLessons.issues.map((i) => i.path)).toEqual(['lessonsLearned']);
    const closed = await advanceIncident({
      actor: people.reviewer,
      input: { incidentId: incident.id, to: 'CLOSED', lessonsLearned: 'Classify tool outputs before they leave the agent.' },
    });
    expect(closed).toMatchObject({ status: 'CLOSED', lessonsLearned: expect.stringContaining('Classify') });
    expect(closed.closedAt).not.toBeNull();
    expect(
      (
        await refusedUnchanged(() =>
          addIncidentNote({ actor: people.reviewer, input: { incidentId: incident.id, note: 'late' } }),
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await refusedUnchanged(() =>
          quarantineTool({
            actor: people.reviewer,
            input: { incidentId: incident.id, toolId: w.tools.gold, toolVersionIds: [], reason: 'Too late for this.' },
          }),
        )
      ).status,
    ).toBe(409);

    const timeline = (await getIncident({ actor: people.auditor, input: { id: incident.id } })).events.map((e) => e.kind);
    expect(timeline.filter((k) => k === 'status-changed')).toHaveLength(3);
    expect(timeline.filter((k) => k === 'step-done')).toHaveLength(detail.checklist.length);
    // The timeline is append-only in the database itself.
    await expect(t.db().prisma.incidentEvent.deleteMany({ where: { incidentId: incident.id } })).rejects.toThrow(/append-only/);
  });

  it('links agents by name, alerts and invocation events, once each; the list filters', async () => {
    const incident = await openIncident({
      actor: people.reviewer,
      input: {
        scenario: 'UNAUTHORIZED_INSTALLATION',
        severity: 'MEDIUM',
        title: 'scratch-pad found on dev',
        summary: 'No request approved it.',
        toolVersionIds: [],
      },
    });
    await linkIncidentRecord({
      actor: people.reviewer,
      input: { incidentId: incident.id, kind: 'AGENT', targetId: w.agents.dev },
    });
    expect(
      (
        await refusedUnchanged(() =>
          linkIncidentRecord({
            actor: people.reviewer,
            input: { incidentId: incident.id, kind: 'AGENT', targetId: w.agents.dev },
          }),
        )
      ).status,
    ).toBe(409);
    const noEvent = await refusedUnchanged(() =>
      linkIncidentRecord({ actor: people.reviewer, input: { incidentId: incident.id, kind: 'INVOCATION', targetId: '999999' } }),
    );
    expect(noEvent.issues.map((i) => i.path)).toEqual(['targetId']);
    expect(
      (
        await refusedUnchanged(() =>
          linkIncidentRecord({ actor: people.reviewer, input: { incidentId: incident.id, kind: 'INVOCATION', targetId: 'abc' } }),
        )
      ).status,
    ).toBe(400);
    await addIncidentNote({
      actor: people.reviewer,
      input: { incidentId: incident.id, note: 'Asked the dev team who installed it.' },
    });
    const detail = await getIncident({ actor: people.officer, input: { id: incident.id } });
    expect(detail.links.map((l) => l.agent?.name)).toEqual([w.agents.dev]);
    expect(detail.events.map((e) => e.kind)).toEqual(['opened', 'linked', 'note']);

    const listed = await listIncidents({ actor: people.auditor, input: { scenario: 'UNAUTHORIZED_INSTALLATION' } });
    expect(listed.rows.map((r) => r.id)).toEqual([incident.id]);
    expect(
      (await listIncidents({ actor: people.auditor, input: { q: `INC-${incident.number}` } })).rows.map((r) => r.id),
    ).toEqual([incident.id]);
    expect((await refusal(listIncidents({ actor: people.auditor, input: { status: 'NOPE' as never } }))).status).toBe(400);
  });
});

describe('evidence pack section', () => {
  it('writes every incident open in the period with its quarantines and timeline, and keeps to a tool scope', async () => {
    const p = t.db().prisma;
    const rows = async (scope: { toolIds: string[] }) => {
      const out = [];
      const window = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000), environments: [] };
      for await (const r of incidentsSection.rows({ db: p, scope: { ...window, ...scope } })) out.push(r);
      return out;
    };
    const all = await rows({ toolIds: [] });
    expect(all.length).toBe(await p.incident.count());
    const held = all.find((r) => r.title === 'Tampered email-parser 1.0.0 artifact')!;
    expect(held).toMatchObject({ scenario: 'SUPPLY_CHAIN_ATTACK', reference: expect.stringMatching(/^INC-\d+$/) });
    expect(held.quarantines).toEqual([
      expect.objectContaining({ toolId: w.tools.gold, toolVersionIds: [goldVersionId], liftReason: expect.any(String) }),
    ]);
    expect((held.timeline as { kind: string }[]).map((e) => e.kind)).toContain('quarantine-lifted');
    const scoped = await rows({ toolIds: [w.tools.unverified] });
    expect(scoped).toEqual([]);
    expect((await rows({ toolIds: [w.tools.gold] })).every((r) => (r.quarantines as unknown[]).length > 0)).toBe(true);
    // A period that ends before anything was opened holds nothing.
    const before = [];
    for await (const r of incidentsSection.rows({
      db: p,
      scope: { from: new Date('2020-01-01'), to: new Date('2020-02-01'), environments: [], toolIds: [] },
    }))
      before.push(r);
    expect(before).toEqual([]);
  });
});
