import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { POST } from '@/app/api/v1/enforce/route';
import { buildEnforceWorld, enforceRequest, type EnforceWorld } from '@/lib/testing/enforce-world';

const t = withTestDatabase();
let w: EnforceWorld;

beforeAll(async () => {
  w = await buildEnforceWorld(t.db().prisma);
});

const call = async (key: string | null, body: unknown, headers?: Record<string, string>) => {
  const res = await POST(enforceRequest(key, body, headers));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const decisions = () => t.db().prisma.enforcementDecision.count();

describe('POST /api/v1/enforce', () => {
  it('allows a gold tool installed on a production agent', async () => {
    const r = await call(w.keys.enforce, {
      agent: w.agents.prod,
      tool: 'email-parser',
      version: '1.0.0',
      action: 'invoke',
      requestId: 'r1',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ decision: 'allow', environment: 'PRODUCTION', policy: { version: 1 }, requestId: 'r1' });
  });

  it('finds the tool by registry identifier, with or without the registry name', async () => {
    const bySlug = await call(w.keys.enforce, {
      agent: w.agents.prod,
      tool: 'acme/email-parser',
      version: '1.0.0',
      action: 'invoke',
    });
    expect(bySlug.body.decision).toBe('allow');
    const withRegistry = await call(w.keys.enforce, {
      agent: w.agents.prod,
      registry: 'agentnode',
      tool: 'acme/email-parser',
      version: '1.0.0',
      action: 'invoke',
    });
    expect(withRegistry.body.decision).toBe('allow');
    const wrongRegistry = await call(w.keys.enforce, {
      agent: w.agents.prod,
      registry: 'npm',
      tool: 'email-parser',
      version: '1.0.0',
      action: 'invoke',
    });
    expect(wrongRegistry).toMatchObject({
      status: 404,
      body: { code: 'unknown_tool', error: 'Tool “email-parser” is not in the inventory.' },
    });
  });

  it('denies a tool below the production tier, with the reason', async () => {
    const r = await call(w.keys.enforce, { agent: w.agents.prod, tool: 'web-fetcher', version: '1.0.0', action: 'invoke' });
    expect(r.body.decision).toBe('deny');
    expect(r.body.reasons).toContainEqual(
      expect.objectContaining({
        code: 'policy-violation',
        rule: 'min-tier',
        message: expect.stringContaining('below the minimum Gold'),
      }),
    );
  });

  it('allows the same tool once an approved exception covers it', async () => {
    const p = t.db().prisma;
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
    const r = await call(w.keys.enforce, { agent: w.agents.prod, tool: 'web-fetcher', version: '1.0.0', action: 'invoke' });
    expect(r.body).toMatchObject({ decision: 'allow', exceptionId: ex.id });
    await p.policyException.update({ where: { id: ex.id }, data: { status: 'REVOKED' } });
  });

  it('allows unverified use in development and says it is logged', async () => {
    const r = await call(w.keys.enforce, { agent: w.agents.dev, tool: 'scratch-pad', version: '1.0.0', action: 'invoke' });
    expect(r.body).toMatchObject({ decision: 'allow', logUnverified: true });
  });

  it('denies a digest that is not the approved one', async () => {
    const r = await call(w.keys.enforce, {
      agent: w.agents.prod,
      tool: 'email-parser',
      version: '1.0.0',
      action: 'invoke',
      artifactDigest: 'sha256:2222222222222222222222222222',
    });
    expect(r.body.reasons).toContainEqual(expect.objectContaining({ code: 'digest-mismatch' }));
  });

  it('opens one change request and one alert for repeated installs of an unknown tool', async () => {
    const body = { agent: w.agents.prod, tool: 'shiny-new-tool', version: '0.1.0', action: 'install' };
    const a = await call(w.keys.enforce, body);
    const b = await call(w.keys.enforce, body);
    expect(a.body.decision).toBe('deny');
    expect(a.body.changeRequestId).toBeTruthy();
    expect(b.body.changeRequestId).toBe(a.body.changeRequestId);
    const p = t.db().prisma;
    expect(
      await p.changeRequest.count({
        where: { requestedToolName: 'shiny-new-tool', source: 'ENFORCEMENT', kind: 'NEW_TOOL', toolId: null },
      }),
    ).toBe(1);
    expect(await p.alert.count({ where: { kind: 'unapproved-install' } })).toBe(1);
    // An invoke of an unknown tool is bad input: 404, logged, no request opened.
    const c = await call(w.keys.enforce, { ...body, tool: 'other-unknown', action: 'invoke' });
    expect(c).toMatchObject({ status: 404, body: { code: 'unknown_tool' } });
    expect(await p.changeRequest.count({ where: { source: 'ENFORCEMENT' } })).toBe(1);
  });

  it('logs every decision, allowed or denied, and refuses unknown agents and versions with a 404', async () => {
    const before = await decisions();
    await call(w.keys.enforce, { agent: w.agents.prod, tool: 'email-parser', version: '1.0.0', action: 'invoke' });
    const agent = await call(w.keys.enforce, { agent: 'nobody', tool: 'email-parser', version: '1.0.0', action: 'install' });
    expect(agent).toMatchObject({
      status: 404,
      body: { code: 'unknown_agent', error: 'Agent “nobody” is not registered in ToolLedger.' },
    });
    const version = await call(w.keys.enforce, {
      agent: w.agents.prod,
      tool: 'email-parser',
      version: '9.9.9',
      action: 'invoke',
    });
    expect(version).toMatchObject({ status: 404, body: { code: 'unknown_version' } });
    expect(await decisions()).toBe(before + 3);
    const logged = await t.db().prisma.enforcementDecision.findFirstOrThrow({ where: { version: '9.9.9' } });
    expect(logged).toMatchObject({ outcome: 'DENY', agentName: w.agents.prod });
  });
});

describe('POST /api/v1/enforce refusals', () => {
  const good = () => ({ agent: w.agents.prod, tool: 'email-parser', version: '1.0.0', action: 'invoke' });

  it.each<[string, () => [string | null, unknown, Record<string, string>?], number, string, boolean]>([
    ['missing key', () => [null, good()], 401, 'Missing API key', false],
    ['unknown key', () => ['tl_enforce_notARealKeyAtAll12345', good()], 401, 'Unknown API key', false],
    ['revoked key', () => [w.keys.revoked, good()], 401, 'was revoked', true],
    ['expired key', () => [w.keys.expired, good()], 401, 'expired', true],
    ['wrong scope', () => [w.keys.read, good()], 403, 'lacks the enforce scope', true],
    ['key bound to another agent', () => [w.keys.agentBound, good()], 403, 'may only speak for agent dev-agent-01', true],
    ['not JSON', () => [w.keys.enforce, '{nope'], 400, 'not valid JSON', true],
    ['missing field', () => [w.keys.enforce, { agent: 'a', tool: 't', action: 'invoke' }], 400, 'version', true],
    ['bad action', () => [w.keys.enforce, { ...good(), action: 'delete' }], 400, 'action must be "install" or "invoke"', true],
    ['unknown field', () => [w.keys.enforce, { ...good(), admin: true }], 400, 'admin', true],
    ['malformed digest', () => [w.keys.enforce, { ...good(), artifactDigest: 'md5' }], 400, 'artifactDigest', true],
    ['oversized body', () => [w.keys.enforce, { ...good(), requestId: 'x'.repeat(5000) }], 413, 'exceeds', true],
    ['X-API-Key header', () => [null, { ...good(), action: 'nope' }, { 'x-api-key': w.keys.enforce }], 400, 'action', true],
  ])('%s', async (_name, make, status, message, logged) => {
    const [key, body, headers] = make();
    const before = await decisions();
    const cr = await t.db().prisma.changeRequest.count();
    const r = await call(key, body, headers);
    expect(r.status).toBe(status);
    expect(String(r.body.error)).toContain(message);
    expect(await decisions()).toBe(before + (logged ? 1 : 0));
    expect(await t.db().prisma.changeRequest.count()).toBe(cr);
  });

  it('records the refusal reason on the logged attempt', async () => {
    await call(w.keys.read, good());
    const last = await t.db().prisma.enforcementDecision.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    expect(last).toMatchObject({ outcome: 'DENY', agentName: w.agents.prod, toolName: 'email-parser' });
    expect(JSON.stringify(last.reasons)).toContain('lacks the enforce scope');
  });
});
