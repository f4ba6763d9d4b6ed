/**
 * Issue 11.5: the alert inbox's assignee and notes, through the real operations on PGlite and
 * PostgreSQL. Whoever may acknowledge or resolve an alert may assign it (to an active person who
 * works alerts, never an auditor) and add notes; each change is audited in its own transaction;
 * the inbox filters by assignee; notes are append-only in the database too. Every refusal writes
 * nothing.
 */
import type { Role } from '@prisma/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/server/errors';
import type { Actor } from '@/lib/server/actor';
import { alertsSection } from '@/lib/server/evidence/sections/alerts';
import { snapshotTables } from '@/lib/testing/db-snapshot';
import { getPrisma } from '@/lib/db/client';
import { withTestDatabase } from '@/lib/testing/test-database';
import { addAlertNote } from './add-alert-note';
import { assignAlert } from './assign-alert';
import { getAlert } from './get-alert';
import { listAlerts } from './list-alerts';
import { listAlertWorkers } from './list-alert-workers';
import { ALERT_NOTE_MAX } from '@/lib/validation/alert';

const t = withTestDatabase();
type Person = Actor & { type: 'USER' };
const people = {} as Record<'officer' | 'reviewer' | 'admin' | 'auditor' | 'retired', Person>;
let serial = 0;

async function newAlert(state: 'OPEN' | 'RESOLVED' = 'OPEN') {
  const key = `assign-${++serial}`;
  return (await getPrisma()).alert.create({
    data: { kind: 'invocation-permission-drift', severity: 'HIGH', title: `Drift ${key}`, detail: {}, dedupeKey: key, state },
  });
}

async function refusedUnchanged(run: () => Promise<unknown>): Promise<AppError> {
  const before = await snapshotTables(t.db());
  const err = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect(await snapshotTables(t.db())).toEqual(before);
  return err as AppError;
}

beforeAll(async () => {
  const make = async (key: keyof typeof people, role: Role, active = true) => {
    const u = await (await getPrisma()).user.create({ data: { email: `${key}@alerts.test`, name: `The ${key}`, role, active } });
    people[key] = { type: 'USER', id: u.id, label: u.email, role };
  };
  await make('officer', 'COMPLIANCE_OFFICER');
  await make('reviewer', 'SECURITY_REVIEWER');
  await make('admin', 'ADMIN');
  await make('auditor', 'AUDITOR');
  await make('retired', 'SECURITY_REVIEWER', false);
});

describe('alert assignee', () => {
  it('an officer takes an alert, hands it to a reviewer, then unassigns it; each step audited with before and after', async () => {
    const alert = await newAlert();
    const taken = await assignAlert({ actor: people.officer, input: { id: alert.id, assigneeId: people.officer.id } });
    expect(taken.assigneeId).toBe(people.officer.id);
    expect(taken.assignedAt).toBeInstanceOf(Date);
    await assignAlert({ actor: people.officer, input: { id: alert.id, assigneeId: people.reviewer.id } });
    const found = await getAlert({ actor: people.officer, input: { id: alert.id } });
    expect(found.assignee).toEqual({ id: people.reviewer.id, name: 'The reviewer' });
    // The select's "Nobody" posts an empty string.
    const cleared = await assignAlert({ actor: people.reviewer, input: { id: alert.id, assigneeId: '' } });
    expect(cleared).toMatchObject({ assigneeId: null, assignedAt: null });
    const trail = await (
      await getPrisma()
    ).auditEvent.findMany({
      where: { entityType: 'Alert', entityId: alert.id },
      orderBy: { seq: 'asc' },
      select: { action: true, before: true, after: true },
    });
    expect(trail.map((e) => e.action)).toEqual(['alert.assigned', 'alert.assigned', 'alert.unassigned']);
    expect(trail[1]).toMatchObject({ before: { assigneeId: people.officer.id }, after: { assigneeId: people.reviewer.id } });
    expect(trail[2]).toMatchObject({ before: { assigneeId: people.reviewer.id }, after: { assigneeId: null } });
  });

  it('refuses an auditor, an inactive person, an unknown user and a malformed id as assignee, writing nothing', async () => {
    const alert = await newAlert();
    for (const assigneeId of [people.auditor.id, people.retired.id, 'no-such-user']) {
      const err = await refusedUnchanged(() => assignAlert({ actor: people.admin, input: { id: alert.id, assigneeId } }));
      expect(err.status).toBe(400);
      expect(err.issues).toEqual([
        { path: 'assigneeId', message: expect.stringMatching(/security reviewer, compliance officer or admin/) },
      ]);
    }
    const malformed = await refusedUnchanged(() =>
      assignAlert({ actor: people.admin, input: { id: alert.id, assigneeId: 'a b' } }),
    );
    expect(malformed.status).toBe(400);
    expect(malformed.issues.map((i) => i.path)).toEqual(['assigneeId']);
  });

  it('refuses an unknown alert (404), a resolved one and a change that changes nothing (409)', async () => {
    expect(
      (await refusedUnchanged(() => assignAlert({ actor: people.admin, input: { id: 'nope', assigneeId: people.admin.id } })))
        .status,
    ).toBe(404);
    const resolved = await newAlert('RESOLVED');
    expect(
      (
        await refusedUnchanged(() =>
          assignAlert({ actor: people.admin, input: { id: resolved.id, assigneeId: people.admin.id } }),
        )
      ).status,
    ).toBe(409);
    const open = await newAlert();
    expect(
      (await refusedUnchanged(() => assignAlert({ actor: people.admin, input: { id: open.id, assigneeId: null } }))).status,
    ).toBe(409);
  });

  it('refuses the auditor before reading anything', async () => {
    const alert = await newAlert();
    const err = await refusedUnchanged(() =>
      assignAlert({ actor: people.auditor, input: { id: alert.id, assigneeId: people.auditor.id } }),
    );
    expect(err.status).toBe(403);
  });

  it('offers only active people who work alerts as assignees', async () => {
    const workers = await listAlertWorkers({ actor: people.auditor, input: {} });
    const ids = workers.map((w) => w.id);
    expect(ids).toEqual(expect.arrayContaining([people.officer.id, people.reviewer.id, people.admin.id]));
    expect(ids).not.toContain(people.auditor.id);
    expect(ids).not.toContain(people.retired.id);
  });

  it('filters the inbox by "assigned to me", by nobody and by a person, with the assignee named on each row', async () => {
    const mine = await newAlert();
    const theirs = await newAlert();
    const nobodys = await newAlert();
    await assignAlert({ actor: people.reviewer, input: { id: mine.id, assigneeId: people.reviewer.id } });
    await assignAlert({ actor: people.reviewer, input: { id: theirs.id, assigneeId: people.admin.id } });
    const ids = async (actor: Person, assignee: string) =>
      (await listAlerts({ actor, input: { state: 'ALL', assignee } })).alerts.map((a) => a.id);
    expect(await ids(people.reviewer, 'me')).toEqual([mine.id]);
    expect(await ids(people.admin, 'me')).toEqual([theirs.id]);
    expect(await ids(people.officer, people.admin.id)).toEqual([theirs.id]);
    const unassigned = await ids(people.officer, 'none');
    expect(unassigned).toContain(nobodys.id);
    expect(unassigned).not.toContain(mine.id);
    const rows = (await listAlerts({ actor: people.officer, input: { state: 'ALL' } })).alerts;
    expect(rows.find((r) => r.id === mine.id)?.assigneeName).toBe('The reviewer');
    expect(rows.find((r) => r.id === nobodys.id)?.assigneeName).toBeNull();
  });
});

describe('alert notes', () => {
  it('keeps a thread of notes in order with author and time, audited, also on a resolved alert', async () => {
    const alert = await newAlert();
    const at = new Date('2026-12-01T10:00:00Z');
    await addAlertNote({ actor: people.reviewer, input: { id: alert.id, body: '  Asked the agent owner.  ' } }, { now: at });
    await addAlertNote(
      { actor: people.officer, input: { id: alert.id, body: 'Owner confirms a test run.\nClosing.' } },
      { now: new Date(at.getTime() + 60_000) },
    );
    await (await getPrisma()).alert.update({ where: { id: alert.id }, data: { state: 'RESOLVED' } });
    await addAlertNote(
      { actor: people.admin, input: { id: alert.id, body: 'Post-mortem filed.' } },
      { now: new Date(at.getTime() + 120_000) },
    );
    const { notes } = await getAlert({ actor: people.officer, input: { id: alert.id } });
    expect(notes.map((n) => [n.authorName, n.body, n.createdAt.toISOString()])).toEqual([
      ['The reviewer', 'Asked the agent owner.', '2026-12-01T10:00:00.000Z'],
      ['The officer', 'Owner confirms a test run.\nClosing.', '2026-12-01T10:01:00.000Z'],
      ['The admin', 'Post-mortem filed.', '2026-12-01T10:02:00.000Z'],
    ]);
    const trail = await (await getPrisma()).auditEvent.findMany({ where: { entityId: alert.id, action: 'alert.noted' } });
    expect(trail).toHaveLength(3);
    expect(trail.map((e) => (e.after as { body: string }).body)).toContain('Asked the agent owner.');
  });

  it('refuses an empty, a blank, an over-long and a NUL-bearing note, an unknown alert and the auditor, writing nothing', async () => {
    const alert = await newAlert();
    for (const body of ['', '   \n ', 'x'.repeat(ALERT_NOTE_MAX + 1), 'bad\u0000byte']) {
      const err = await refusedUnchanged(() => addAlertNote({ actor: people.officer, input: { id: alert.id, body } }));
      expect(err.status).toBe(400);
      expect(err.issues.map((i) => i.path)).toEqual(['body']);
    }
    expect(
      (await refusedUnchanged(() => addAlertNote({ actor: people.officer, input: { id: 'nope', body: 'Hello' } }))).status,
    ).toBe(404);
    expect(
      (await refusedUnchanged(() => addAlertNote({ actor: people.auditor, input: { id: alert.id, body: 'Hello' } }))).status,
    ).toBe(403);
  });

  it('never lets a note be edited or deleted, even by SQL', async () => {
    const alert = await newAlert();
    const note = await addAlertNote({ actor: people.officer, input: { id: alert.id, body: 'Original words.' } });
    await expect(t.db().exec(`UPDATE "AlertNote" SET body = 'Rewritten' WHERE id = '${note.id}'`)).rejects.toThrow();
    await expect(t.db().exec(`DELETE FROM "AlertNote" WHERE id = '${note.id}'`)).rejects.toThrow();
    expect((await (await getPrisma()).alertNote.findUniqueOrThrow({ where: { id: note.id } })).body).toBe('Original words.');
  });
});

describe('evidence pack', () => {
  it('lists each alert with its assignee and its notes', async () => {
    const alert = await newAlert();
    await assignAlert({ actor: people.officer, input: { id: alert.id, assigneeId: people.reviewer.id } });
    await addAlertNote({ actor: people.reviewer, input: { id: alert.id, body: 'Looking into it.' } });
    const rows = [];
    for await (const row of alertsSection.rows({
      db: await getPrisma(),
      scope: { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z'), environments: [], toolIds: [] },
    }))
      rows.push(row);
    const mine = rows.find((r) => r.id === alert.id);
    expect(mine).toMatchObject({ assigneeId: people.reviewer.id, assignee: 'The reviewer' });
    expect(mine?.notes).toEqual([expect.objectContaining({ author: 'The reviewer', body: 'Looking into it.' })]);
  });
});
