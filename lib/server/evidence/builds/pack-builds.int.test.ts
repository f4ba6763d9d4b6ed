/**
 * Issue 13: evidence packs as background jobs. The real operations and the real runner against a
 * fresh database (PGlite and PostgreSQL): two builds at once both finish with identical evidence,
 * cancel leaves nothing, a restart mid-build marks the build failed and removes what it wrote,
 * downloads and uploads are verified and audited.
 */
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { PrismaClient } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '@/lib/domain/evidence/signing';
import { reloadEnv } from '@/lib/env';
import type { Actor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { createAgent, createInstallation, createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { ingestInvocationEvents } from '@/lib/server/invocations/ingest-invocation-events';
import { eventLine } from '@/lib/testing/invocation-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { cancelEvidencePackBuild } from './cancel-evidence-pack-build';
import { downloadEvidencePack } from './download-evidence-pack';
import { listEngagementPacks } from './list-engagement-packs';
import { listEvidencePackBuilds } from './list-evidence-pack-builds';
import { packPaths } from './pack-files';
import { claimQueuedBuild, INTERRUPTED, recoverInterruptedBuilds, runPendingBuilds, type RunnerContext } from './pack-runner';
import { requestEvidencePackBuild } from './request-evidence-pack-build';
import { verifyUploadedPack } from './verify-uploaded-pack';

const t = withTestDatabase();
let db: PrismaClient;
let dir: string;
let rc: RunnerContext;
type Person = Actor & { type: 'USER' };
let officer: Person;
let auditor: Person;
const NOW = new Date('2026-07-15T10:00:00Z');
const Q2 = { from: '2026-04-01', to: '2026-06-30' };

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const request = (input: Record<string, unknown> = Q2, actor: Actor = officer) =>
  requestEvidencePackBuild({ actor, input: input as typeof Q2 }, { db, now: NOW });

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  process.env.TOOLLEDGER_SECRET_KEY = 'evidence-pack-build-test-secret-0123456789';
  reloadEnv();
  db = t.db().prisma;
  dir = await mkdtemp(path.join(tmpdir(), 'pack-builds-'));
  rc = { db, runnerId: 'test-runner', dir };
  for (const [key, role] of [
    ['officer', 'COMPLIANCE_OFFICER'],
    ['auditor', 'AUDITOR'],
  ] as const) {
    const u = await db.user.create({ data: { email: `${key}@packs.test`, name: key, role } });
    const person: Person = { type: 'USER', id: u.id, label: u.email, role };
    if (key === 'officer') officer = person;
    else auditor = person;
  }
  const registry = await createRegistry(db);
  const publisher = await createPublisher(db, { registryId: registry.id });
  const agent = await createAgent(db, { environment: 'PRODUCTION', name: 'packs-agent' });
  for (let i = 0; i < 3; i++) {
    const { versions } = await createTool(db, { registryId: registry.id, publisherId: publisher.id, name: `packed-${i}` });
    await createInstallation(db, { agentId: agent.id, toolVersionId: versions[0]!.id });
  }
  // Invocations inside Q2 (two days, one error) and one after it, received when they happened.
  for (const [at, status] of [
    ['2026-05-10T09:00:00Z', 'success'],
    ['2026-05-10T09:05:00Z', 'error'],
    ['2026-05-11T10:00:00Z', 'success'],
    ['2026-07-02T10:00:00Z', 'success'],
  ] as const) {
    const body = eventLine({
      timestamp: at,
      agent_id: 'packs-agent',
      tool_name: 'packed-0',
      tool_version: '1.0.0',
      result_status: status,
    });
    await ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body, single: true } }, { db, now: new Date(at) });
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('requesting a build', () => {
  it('queues it, as an audit event, with the period as chosen', async () => {
    const build = await request();
    expect(build).toMatchObject({ state: 'QUEUED', periodFrom: Q2.from, periodTo: Q2.to, requestedBy: 'officer' });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: build.id } });
    expect([audit.action, audit.actorId]).toEqual(['evidencePack.requested', officer.id]);
    await cancelEvidencePackBuild({ actor: officer, input: { buildId: build.id } }, { db, now: NOW });
  });

  it.each([
    [{ from: '2026-07-01', to: '2026-07-20' }, 'to', /after today/],
    [{ from: '2026-08-01', to: '2026-08-02' }, 'from', /future/],
    [{ from: '2026-06-30', to: '2026-06-01' }, 'to', /ends before it starts/],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from', /real date/],
  ])('refuses %j as a field error (%s), writing nothing', async (period, field, message) => {
    const before = await db.evidencePackBuild.count();
    const err = await refusal(request(period));
    expect(err.status).toBe(400);
    expect(err.issues.find((i) => i.path === field)?.message).toMatch(message);
    expect(await db.evidencePackBuild.count()).toBe(before);
  });

  it('refuses auditors: they read and download packs, they do not build or cancel them', async () => {
    expect((await refusal(request(Q2, auditor))).status).toBe(403);
    const build = await request();
    const err = await refusal(cancelEvidencePackBuild({ actor: auditor, input: { buildId: build.id } }, { db, now: NOW }));
    expect(err.status).toBe(403);
    await cancelEvidencePackBuild({ actor: officer, input: { buildId: build.id } }, { db, now: NOW });
  });
});

describe('the runner', () => {
  let first = '';
  it('finishes two builds at once, each signed and verifiable, with identical evidence files', async () => {
    const a = await request();
    const b = await request();
    first = a.id;
    const results = await runPendingBuilds(rc, 2);
    expect(results).toEqual({ [a.id]: 'SUCCEEDED', [b.id]: 'SUCCEEDED' });
    const rows = await db.evidencePackBuild.findMany({ where: { id: { in: [a.id, b.id] } }, orderBy: { createdAt: 'asc' } });
    const packs = await Promise.all(rows.map((r) => readFile(path.join(dir, r.fileName!))));
    for (const [i, r] of rows.entries()) {
      expect(r).toMatchObject({ state: 'SUCCEEDED', stepsDone: r.stepsTotal, currentStep: null, sizeBytes: packs[i]!.length });
      expect(r.sha256).toBe(sha256Hex(packs[i]!));
    }
    const evidence = (bytes: Uint8Array) =>
      Object.fromEntries(Object.entries(unzipSync(bytes)).filter(([p]) => p.startsWith('evidence/')));
    expect(evidence(packs[0]!)).toEqual(evidence(packs[1]!));
    const files = evidence(packs[0]!);
    const text = (p: string) => new TextDecoder().decode(files[p]);
    expect(text('evidence/invocation-totals.csv').trim().split('\n')).toEqual([
      'day,environment,toolName,toolId,invocations,errors,timeouts,denied,unapproved',
      expect.stringMatching(/^2026-05-10,PRODUCTION,packed-0,\w+,2,1,0,0,\d$/),
      expect.stringMatching(/^2026-05-11,PRODUCTION,packed-0,\w+,1,0,0,0,\d$/),
    ]);
    // The totals are summed while the rows stream: they must agree with the rows themselves.
    const unapproved = text('evidence/invocation-totals.csv')
      .trim()
      .split('\n')
      .slice(1)
      .reduce((n, line) => n + Number(line.split(',').at(-1)), 0);
    expect(JSON.parse(text('evidence/invocation-totals.json')).summary.totals).toEqual({ invocations: 3, errors: 1, unapproved });
    expect(JSON.parse(text('evidence/invocation-chain-check.json')).result).toMatchObject({ intact: true, checkedRecords: 3 });
    for (const kind of ['samples', 'tool-definition-reports']) expect(files[`evidence/${kind}.csv`], kind).toBeDefined();
    const built = await db.auditEvent.count({ where: { action: 'evidencePack.built', entityId: { in: [a.id, b.id] } } });
    expect(built).toBe(2);
    expect(await exists(packPaths(a.id, dir).workDir)).toBe(false);
  });

  it('lets an auditor download a finished pack, as an audit event', async () => {
    const file = await downloadEvidencePack({ actor: auditor, input: { buildId: first } }, { db, dir });
    expect(sha256Hex(await readFile(file.filePath))).toBe(file.sha256);
    expect(file.name).toMatch(/^evidence-pack-2026-04-01-to-2026-06-30-.+\.zip$/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'evidencePack.downloaded', entityId: first } });
    expect(audit.actorId).toBe(auditor.id);
  });

  it('verifies an uploaded pack, and names the file when one byte changed', async () => {
    const bytes = new Uint8Array(await readFile(path.join(dir, `${first}.zip`)));
    const good = await verifyUploadedPack({ actor: auditor, input: { name: 'pack.zip', bytes } }, { db });
    expect(good).toMatchObject({ ok: true, signature: 'valid', problems: [], packId: first });
    const files = unzipSync(bytes);
    const csv = files['evidence/users.csv']!;
    csv[csv.length - 2] = csv[csv.length - 2]! ^ 1;
    const tampered = zipSync(files, { mtime: new Date(1980, 0, 1) });
    const bad = await verifyUploadedPack({ actor: auditor, input: { name: 'tampered.zip', bytes: tampered } }, { db });
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => [p.path, p.problem])).toContainEqual(['evidence/users.csv', 'differs']);
    const audits = await db.auditEvent.findMany({ where: { action: 'evidencePack.verified' }, orderBy: { seq: 'asc' } });
    expect(audits.map((e) => (e.after as { ok: boolean }).ok)).toEqual([true, false]);
    const empty = await refusal(
      verifyUploadedPack({ actor: auditor, input: { name: 'x.zip', bytes: new Uint8Array() } }, { db }),
    );
    expect(empty.issues[0]).toMatchObject({ path: 'bytes', message: 'The file is empty' });
  });

  it('cancels a queued build at once and a running one at its next step, leaving no archive', async () => {
    const queued = await request();
    const cancelled = await cancelEvidencePackBuild({ actor: officer, input: { buildId: queued.id } }, { db, now: NOW });
    expect(cancelled.state).toBe('CANCELLED');
    const running = await request();
    const claimed = await claimQueuedBuild(rc);
    expect(claimed?.id).toBe(running.id);
    const asked = await cancelEvidencePackBuild({ actor: officer, input: { buildId: running.id } }, { db, now: NOW });
    expect(asked).toMatchObject({ state: 'RUNNING', cancelRequested: true });
    const { runClaimedBuild } = await import('./pack-runner');
    expect(await runClaimedBuild(rc, claimed!)).toBe('CANCELLED');
    const row = await db.evidencePackBuild.findUniqueOrThrow({ where: { id: running.id } });
    expect([row.state, row.fileName]).toEqual(['CANCELLED', null]);
    const paths = packPaths(running.id, dir);
    expect([await exists(paths.outFile), await exists(paths.partial), await exists(paths.workDir)]).toEqual([
      false,
      false,
      false,
    ]);
    const finished = await refusal(cancelEvidencePackBuild({ actor: officer, input: { buildId: first } }, { db, now: NOW }));
    expect(finished.status).toBe(409);
    expect((await refusal(downloadEvidencePack({ actor: officer, input: { buildId: running.id } }, { db, dir }))).status).toBe(
      409,
    );
  });

  it('marks a build a dead process left running as failed, removing what it wrote', async () => {
    const orphan = await request();
    await claimQueuedBuild({ ...rc, runnerId: 'dead-process' });
    const paths = packPaths(orphan.id, dir);
    await mkdir(paths.workDir, { recursive: true });
    await writeFile(paths.partial, 'half an archive');
    await writeFile(paths.outFile, 'renamed, but the row never said SUCCEEDED');
    // A live build elsewhere (fresh heartbeat) is left alone when only stale ones are recovered.
    expect(await recoverInterruptedBuilds(rc, { staleBefore: new Date(Date.now() - 60_000) })).toEqual([]);
    expect(await recoverInterruptedBuilds(rc, { all: true })).toEqual([orphan.id]);
    const row = await db.evidencePackBuild.findUniqueOrThrow({ where: { id: orphan.id } });
    expect([row.state, row.error, row.fileName]).toEqual(['FAILED', INTERRUPTED, null]);
    expect([await exists(paths.outFile), await exists(paths.partial), await exists(paths.workDir)]).toEqual([
      false,
      false,
      false,
    ]);
    expect(await db.auditEvent.count({ where: { action: 'evidencePack.failed', entityId: orphan.id } })).toBe(1);
    const list = await listEvidencePackBuilds({ actor: auditor, input: {} }, { db });
    expect(list.find((b) => b.id === orphan.id)).toMatchObject({ state: 'FAILED', error: INTERRUPTED });
  });
});

describe('packs of an audit engagement', () => {
  it('lists them for the officer and the assigned auditor while the audit is open, and refuses another auditor', async () => {
    const other = await db.user.create({ data: { email: 'other-auditor@packs.test', name: 'other', role: 'AUDITOR' } });
    const engagement = await db.auditEngagement.create({
      data: {
        name: 'Q2 audit',
        firm: 'Firm',
        periodStart: new Date('2026-04-01T00:00:00Z'),
        periodEnd: new Date('2026-07-01T00:00:00Z'),
        environments: ['PRODUCTION'],
        criteria: ['CC8.1'],
        accessOpensAt: new Date('2026-07-01T00:00:00Z'),
        accessClosesAt: new Date('2026-08-01T00:00:00Z'),
        createdById: officer.id,
        auditors: { create: [{ userId: auditor.id }] },
      },
    });
    const build = await request({ ...Q2, engagementId: engagement.id });
    await request();
    for (const actor of [officer, auditor]) {
      const packs = await listEngagementPacks({ actor, input: { engagementId: engagement.id } }, { db, now: NOW });
      expect(packs.map((p) => p.id)).toEqual([build.id]);
    }
    const outsider: Person = { type: 'USER', id: other.id, label: other.email, role: 'AUDITOR' };
    const refused = await refusal(
      listEngagementPacks({ actor: outsider, input: { engagementId: engagement.id } }, { db, now: NOW }),
    );
    expect(refused.status).toBe(403);
    const closed = await refusal(
      listEngagementPacks(
        { actor: auditor, input: { engagementId: engagement.id } },
        { db, now: new Date('2026-09-01T00:00:00Z') },
      ),
    );
    expect(closed.status).toBe(403);
    await db.evidencePackBuild.updateMany({ where: { state: 'QUEUED' }, data: { state: 'CANCELLED' } });
  });
});
