import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyPack } from '@/lib/domain/evidence/verify-pack';
import { reloadEnv } from '@/lib/env';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createAgent, createInstallation, createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { withTestDatabase } from '@/lib/testing/test-database';
import schema from './__fixtures__/oscal_assessment-results_schema.json';
import { buildEvidencePack, PackCancelled } from './build-pack';

const t = withTestDatabase();
let dir: string;
const Q2 = { from: new Date('2026-04-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z'), environments: [], toolIds: [] };
const PERIOD = { from: '2026-04-01', to: '2026-06-30' };

async function build(
  name: string,
  over: { scope?: typeof Q2; period?: typeof PERIOD; shouldCancel?: () => Promise<boolean> } = {},
) {
  const outFile = path.join(dir, `${name}.zip`);
  const built = await buildEvidencePack(t.db().prisma, {
    packId: name,
    scope: over.scope ?? Q2,
    period: over.period ?? PERIOD,
    generatedAt: new Date(),
    outFile,
    workDir: path.join(dir, `${name}.work`),
    shouldCancel: over.shouldCancel,
  });
  return { built, bytes: new Uint8Array(await readFile(outFile)), outFile };
}

const evidenceFiles = (bytes: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).filter(([p]) => p.startsWith('evidence/')));

beforeAll(async () => {
  process.env.TOOLLEDGER_SECRET_KEY = 'evidence-pack-test-secret-0123456789abcdef';
  reloadEnv();
  dir = await mkdtemp(path.join(tmpdir(), 'packs-'));
  // Records made inside the period: the clock is moved, as audit records take the real time.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-05-10T09:00:00Z') });
  const db = t.db().prisma;
  const registry = await createRegistry(db);
  const publisher = await createPublisher(db, { registryId: registry.id });
  const agent = await createAgent(db, { environment: 'PRODUCTION' });
  for (let i = 0; i < 3; i++) {
    const { tool, versions } = await createTool(db, { registryId: registry.id, publisherId: publisher.id, name: `tool-${i}` });
    await createInstallation(db, { agentId: agent.id, toolVersionId: versions[0]!.id });
    await db.$transaction((tx) =>
      recordAuditEvent(tx, SYSTEM_ACTOR, { action: 'tool.synced', entityType: 'Tool', entityId: tool.id }),
    );
  }
  vi.useRealTimers();
});

afterAll(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

describe('buildEvidencePack', () => {
  it('gives byte-identical evidence files when built twice for the same period', async () => {
    const a = await build('a');
    const b = await build('b');
    const filesA = evidenceFiles(a.bytes);
    expect(Object.keys(filesA).length).toBeGreaterThan(20);
    expect(filesA).toEqual(evidenceFiles(b.bytes));
    expect(new TextDecoder().decode(filesA['evidence/inventory.csv'])).toMatch(/tool-0[\s\S]*tool-1[\s\S]*tool-2/);
    expect(a.built.summary.recordsTotal).toBeGreaterThan(0);
  });

  it('writes the governance policy as Markdown and PDF per environment, named by policy version and in the manifest', async () => {
    const a = await build('g1');
    const b = await build('g2');
    const files = unzipSync(a.bytes);
    const names = Object.keys(files).filter((p) => p.startsWith('governance/'));
    // No policy saved in this database: each environment runs on the built-in defaults, version 0.
    expect(names.sort()).toEqual(
      ['development', 'production', 'staging'].flatMap((e) => [`governance/policy-${e}-v0.md`, `governance/policy-${e}-v0.pdf`]),
    );
    const md = new TextDecoder().decode(files['governance/policy-production-v0.md']);
    expect(md).toMatch(/^# Agent tool governance policy/);
    expect(md).toContain('Document version: PRODUCTION v0.');
    expect(md).not.toContain('Staging');
    expect(new TextDecoder().decode(files['governance/policy-production-v0.pdf']!.slice(0, 5))).toBe('%PDF-');
    // The Markdown is generated from the policies alone: byte-identical across builds.
    expect(files['governance/policy-staging-v0.md']).toEqual(unzipSync(b.bytes)['governance/policy-staging-v0.md']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { files: { path: string }[] };
    for (const n of names) expect(manifest.files.map((f) => f.path)).toContain(n);
    const json = JSON.parse(new TextDecoder().decode(files['evidence/governance-policy.json']));
    expect(json.result.documents).toContainEqual(
      expect.objectContaining({ environment: 'PRODUCTION', version: 0, markdown: 'governance/policy-production-v0.md' }),
    );
    // The control matrix names them under the criteria the governance policy evidences.
    expect(new TextDecoder().decode(files['report/report.html'])).toContain('governance/policy-production-v0.pdf');
    expect(new TextDecoder().decode(files['README.md'])).toContain('governance/policy-staging-v0.md');
  });

  it('signs a pack that verifies, and names the file when one byte changes', async () => {
    const { bytes } = await build('c');
    expect(verifyPack(bytes).problems).toEqual([]);
    const files = unzipSync(bytes);
    const key = await t.db().prisma.evidenceSigningKey.findFirstOrThrow({ where: { retiredAt: null } });
    expect(verifyPack(bytes, new Map([[key.id, key.publicKeyPem]])).ok).toBe(true);
    const csv = files['evidence/inventory.csv']!;
    csv[csv.length - 2] = csv[csv.length - 2]! ^ 1;
    const tampered = zipSync(files, { mtime: new Date(1980, 0, 1) });
    const result = verifyPack(tampered);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.path, p.problem])).toContainEqual(['evidence/inventory.csv', 'differs']);
  });

  it('writes an OSCAL document valid against the NIST OSCAL 1.1.3 schema', async () => {
    const { bytes } = await build('d');
    const oscal = JSON.parse(new TextDecoder().decode(unzipSync(bytes)['oscal/assessment-results.json']));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(oscal), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
  });

  it('gives a valid pack that says so for a period with no data', async () => {
    const empty = { ...Q2, from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-01-02T00:00:00Z') };
    const { bytes, built } = await build('e', { scope: empty, period: { from: '2025-01-01', to: '2025-01-01' } });
    expect(verifyPack(bytes).ok).toBe(true);
    // The audit and invocation chain checks and the governance policy document (the policies in force then), nothing else.
    expect(built.summary.recordsTotal).toBe(3);
    expect(new TextDecoder().decode(unzipSync(bytes)['README.md'])).toMatch(/This period holds no records/);
  });

  it('leaves no archive when cancelled', async () => {
    let asked = 0;
    await expect(build('f', { shouldCancel: async () => ++asked > 3 })).rejects.toBeInstanceOf(PackCancelled);
    await expect(readFile(path.join(dir, 'f.zip'))).rejects.toThrow(/ENOENT/);
    await expect(readFile(path.join(dir, 'f.zip.partial'))).rejects.toThrow(/ENOENT/);
  });
});
