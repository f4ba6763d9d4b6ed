// The enforcement hot path (ADR 0008) keeps the rules: every answer has its own committed log
// row, a governing change between two calls changes the second answer even when the first one
// was cached, and a failed group write answers every waiting call with an error, never "allow".
import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/v1/enforce/route';
import { buildEnforceWorld, enforceRequest, type EnforceWorld } from '@/lib/testing/enforce-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { createDecisionWriter, type DecisionRow } from './decision-writer';
import { factsCacheFor, subjectKey } from './facts-cache';
import { loadFactsSnapshot } from './load-enforcement-facts';

const t = withTestDatabase();
let w: EnforceWorld;

beforeAll(async () => {
  w = await buildEnforceWorld(t.db().prisma);
});

const call = async (body: unknown) => {
  const res = await POST(enforceRequest(w.keys.enforce, body));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const gold = () => ({ agent: w.agents.prod, tool: 'email-parser', version: '1.0.0', action: 'invoke' });
const verified = () => ({ agent: w.agents.prod, tool: 'web-fetcher', version: '1.0.0', action: 'invoke' });
const generation = async () =>
  (await t.db().query<{ value: string }>(`SELECT "value"::text AS value FROM "EnforcementGeneration"`))[0]!.value;

function row(agentName: string): DecisionRow {
  return {
    createdAt: new Date(),
    apiKeyId: null,
    agentName,
    agentId: null,
    toolName: 'email-parser',
    toolId: null,
    version: '1.0.0',
    toolVersionId: null,
    artifactDigest: null,
    action: 'INVOKE',
    outcome: 'ALLOW',
    reasons: [],
    policyId: null,
    policyVersion: null,
    exceptionId: null,
    changeRequestId: null,
  };
}

describe('enforcement hot path', () => {
  it('answers concurrent calls each after its own row is committed', async () => {
    const p = t.db().prisma;
    const before = await p.enforcementDecision.count();
    const ids = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const r = await call({ ...(i % 2 ? gold() : verified()), requestId: `c${i}` });
        expect(r.status).toBe(200);
        // Read from another connection the moment this answer arrives, while others still wait.
        const logged = await p.enforcementDecision.findUnique({ where: { id: String(r.body.decisionId) } });
        expect(logged).toMatchObject({ outcome: r.body.decision === 'allow' ? 'ALLOW' : 'DENY', agentName: w.agents.prod });
        return r.body.decisionId;
      }),
    );
    expect(new Set(ids).size).toBe(40);
    expect(await p.enforcementDecision.count()).toBe(before + 40);
  });

  it('bumps the generation once per transaction that changes a governing table', async () => {
    const g0 = BigInt(await generation());
    await t
      .db()
      .prisma.$transaction([
        t.db().prisma.agent.updateMany({ where: { name: w.agents.dev }, data: { owner: 'eng-1' } }),
        t.db().prisma.agent.updateMany({ where: { name: w.agents.dev }, data: { owner: 'eng-2' } }),
      ]);
    expect(BigInt(await generation())).toBe(g0 + 1n);
    await t.db().prisma.enforcementDecision.count();
    await call(gold()); // the decision log is not governing
    expect(BigInt(await generation())).toBe(g0 + 1n);
  });

  it("an API key's last-use bookkeeping leaves the generation alone; a change to what it may do moves it", async () => {
    const p = t.db().prisma;
    const key = await p.apiKey.findFirstOrThrow({ where: { revokedAt: null } });
    const g0 = BigInt(await generation());
    await p.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
    expect(BigInt(await generation())).toBe(g0);
    await p.apiKey.update({ where: { id: key.id }, data: { expiresAt: new Date(Date.now() + 86_400_000) } });
    expect(BigInt(await generation())).toBe(g0 + 1n);
    await p.apiKey.update({ where: { id: key.id }, data: { expiresAt: null } });
  });

  it('a revocation, a quarantine and an exception between two calls change the second answer', async () => {
    const p = t.db().prisma;
    const agent = await p.agent.findUniqueOrThrow({ where: { name: w.agents.prod } });
    const version = await p.toolVersion.findFirstOrThrow({ where: { toolId: w.tools.gold } });
    expect((await call(gold())).body.decision).toBe('allow');
    expect((await call(gold())).body.decision).toBe('allow');

    await p.installation.updateMany({ where: { agentId: agent.id, toolVersionId: version.id }, data: { state: 'REVOKED' } });
    const revoked = await call(gold());
    expect(revoked.body.decision).toBe('deny');
    expect(revoked.body.reasons).toContainEqual(expect.objectContaining({ code: 'installation-revoked' }));
    await p.installation.updateMany({ where: { agentId: agent.id, toolVersionId: version.id }, data: { state: 'ACTIVE' } });
    expect((await call(gold())).body.decision).toBe('allow');

    await p.toolVersion.update({ where: { id: version.id }, data: { quarantineStatus: 'QUARANTINED' } });
    expect((await call(gold())).body.decision).toBe('deny');
    await p.toolVersion.update({ where: { id: version.id }, data: { quarantineStatus: null } });
    expect((await call(gold())).body.decision).toBe('allow');

    expect((await call(verified())).body.decision).toBe('deny');
    const user = await p.user.findFirstOrThrow();
    const ex = await p.policyException.create({
      data: {
        rules: ['min-tier'],
        toolId: w.tools.verified,
        environment: 'PRODUCTION',
        justification: 'j',
        compensatingControls: 'c',
        remediationPlan: 'r',
        remediationDate: new Date(),
        expiresAt: new Date(Date.now() + 86_400_000),
        status: 'APPROVED',
        requestedById: user.id,
      },
    });
    expect((await call(verified())).body).toMatchObject({ decision: 'allow', exceptionId: ex.id });
    await p.policyException.update({ where: { id: ex.id }, data: { status: 'REVOKED' } });
    expect((await call(verified())).body.decision).toBe('deny');
  });

  it('does not answer from a cached snapshot that a committed change made stale, even before any notification', async () => {
    const p = t.db().prisma;
    const db = t.db();
    const stale = await loadFactsSnapshot(db, gold());
    expect(stale.row?.installationState).toBe('ACTIVE');
    const agent = await p.agent.findUniqueOrThrow({ where: { name: w.agents.prod } });
    await p.installation.updateMany({ where: { agentId: agent.id, toolId: w.tools.gold }, data: { state: 'REVOKED' } });
    // As if the notification of that change had not arrived yet: the old snapshot is in the cache.
    const cache = factsCacheFor(db);
    cache.get(subjectKey(gold()));
    await new Promise((r) => setTimeout(r, 200)); // listening
    cache.set(subjectKey(gold()), stale);
    expect(cache.get(subjectKey(gold()))).toBe(stale);
    const before = await p.enforcementDecision.count();
    const r = await call(gold());
    expect(r.body.decision).toBe('deny');
    expect(await p.enforcementDecision.count()).toBe(before + 1);
    await p.installation.updateMany({ where: { agentId: agent.id, toolId: w.tools.gold }, data: { state: 'ACTIVE' } });
  });

  it('writes a row carrying a generation only while that generation is current', async () => {
    const writer = createDecisionWriter(t.db());
    const current = await generation();
    const [a, b, c] = await Promise.all([
      writer.write(row('gen-current'), current),
      writer.write(row('gen-old'), String(BigInt(current) - 1n)),
      writer.write(row('gen-none'), null),
    ]);
    expect(a.written).toBe(true);
    expect(b.written).toBe(false);
    expect(c.written).toBe(true);
    const names = (await t.db().prisma.enforcementDecision.findMany({ where: { agentName: { startsWith: 'gen-' } } })).map(
      (d) => d.agentName,
    );
    expect(names.sort()).toEqual(['gen-current', 'gen-none']);
  });

  it('fails every waiting call of a group write that fails, and the API answers an error, never allow', async () => {
    const db = t.db();
    await db.exec(`CREATE FUNCTION test_poison() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER test_poison BEFORE INSERT ON "EnforcementDecision" FOR EACH ROW
        WHEN (NEW."agentName" = 'poison') EXECUTE FUNCTION test_poison();`);
    try {
      const writer = createDecisionWriter(db);
      const results = await Promise.allSettled([
        writer.write(row('batch-1')),
        writer.write(row('poison')),
        writer.write(row('batch-3')),
      ]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(await db.prisma.enforcementDecision.count({ where: { agentName: { in: ['batch-1', 'batch-3'] } } })).toBe(0);

      await db.exec(`DROP TRIGGER test_poison ON "EnforcementDecision";
        CREATE TRIGGER test_poison BEFORE INSERT ON "EnforcementDecision" FOR EACH ROW EXECUTE FUNCTION test_poison();`);
      const answers = await Promise.all([call(gold()), call(gold()), call(verified())]);
      for (const a of answers) {
        expect(a.status).toBe(500);
        expect(a.body.decision).toBeUndefined();
      }
    } finally {
      await db.exec(`DROP TRIGGER IF EXISTS test_poison ON "EnforcementDecision"; DROP FUNCTION IF EXISTS test_poison();`);
    }
    expect((await call(gold())).body.decision).toBe('allow');
  });
});
