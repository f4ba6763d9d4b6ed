import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { reloadEnv } from '@/lib/env';
import type { Actor } from '@/lib/server/actor';
import { activeSigningKey } from '@/lib/server/evidence/signing-key';
import { withTestDatabase } from '@/lib/testing/test-database';
import { createEngagement } from '@/lib/server/engagements/create-engagement';
import { getControlsView } from './get-controls-view';

const t = withTestDatabase();
const AUDITOR: Actor = { type: 'USER', id: 'auditor-1', label: 'auditor@example.com', role: 'AUDITOR' };
const OFFICER: Actor = { type: 'USER', id: 'officer-1', label: 'officer@example.com', role: 'COMPLIANCE_OFFICER' };
const KEY: Actor = { type: 'API_KEY', id: 'k1', label: 'gateway', scopes: ['READ'], agentId: null };
const pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

beforeAll(() => {
  process.env.TOOLLEDGER_SECRET_KEY = 'controls-view-test-secret-0123456789abcdef';
  delete process.env.TOOLLEDGER_EVIDENCE_SIGNING_KEY;
  reloadEnv();
});

describe('getControlsView', () => {
  it('gives every criterion in scope with its state and records; an API key is refused', async () => {
    const view = await getControlsView({ actor: OFFICER, input: {} });
    expect(view.rows.map((r) => r.id)).toEqual([
      'CC2.1',
      'CC5.3',
      'CC6.1',
      'CC6.2',
      'CC6.3',
      'CC6.6',
      'CC6.8',
      'CC7.1',
      'CC7.2',
      // Incident response (issue 14.6).
      'CC7.3',
      'CC7.4',
      'CC7.5',
      'CC8.1',
      'CC9.1',
      'CC9.2',
    ]);
    const cc63 = view.rows.find((r) => r.id === 'CC6.3')!;
    expect(cc63.state).toBe('gap');
    expect(cc63.findings.map((f) => f.reason)).toContain('No active administrator.');
    // Subprocessors are kept (issue 12.2): none recorded yet counts 0, not "not kept" (null).
    expect(view.rows.find((r) => r.id === 'CC9.2')!.evidence.find((e) => e.kind === 'subprocessors')!.count).toBe(0);
    await expect(getControlsView({ actor: KEY, input: {} })).rejects.toThrow(/may not/);
    // An auditor with no audit open sees no criterion (ADR 0010; scoped cases in auditor-scope.int.test.ts).
    expect((await getControlsView({ actor: AUDITOR, input: {} })).rows).toEqual([]);
  });

  it('lists the generated key once made, and keeps it listed, retired, when the environment supplies a new one', async () => {
    const now = new Date();
    const generated = await activeSigningKey(t.db().prisma, now);
    expect((await activeSigningKey(t.db().prisma, now)).id).toBe(generated.id);
    process.env.TOOLLEDGER_EVIDENCE_SIGNING_KEY = pem();
    reloadEnv();
    try {
      const supplied = await activeSigningKey(t.db().prisma, now);
      expect(supplied.id).not.toBe(generated.id);
      const { keys } = await getControlsView({ actor: AUDITOR, input: {} });
      expect(keys.map((k) => [k.id, k.source, k.retiredAt === null])).toEqual(
        expect.arrayContaining([
          [generated.id, 'GENERATED', false],
          [supplied.id, 'ENVIRONMENT', true],
        ]),
      );
    } finally {
      delete process.env.TOOLLEDGER_EVIDENCE_SIGNING_KEY;
      reloadEnv();
    }
  });
});

describe('getControlsView for an auditor with two open audits', () => {
  it('counts the evidence inside each audit (period and environments), not in the gap between them', async () => {
    const db = t.db().prisma;
    const now = new Date('2026-10-15T12:00:00Z');
    const person = async (key: string, role: 'COMPLIANCE_OFFICER' | 'AUDITOR'): Promise<Actor & { type: 'USER' }> => {
      const u = await db.user.create({ data: { email: `${key}@two-audits.test`, name: key, role } });
      return { type: 'USER', id: u.id, label: u.email, role };
    };
    const carla = await person('carla', 'COMPLIANCE_OFFICER');
    const audrey = await person('audrey', 'AUDITOR');
    // Q1 and Q3 of production, both open to Audrey now; Q2 is in neither.
    for (const [name, periodFrom, periodTo] of [
      ['Q1', '2026-01-01', '2026-03-31'],
      ['Q3', '2026-07-01', '2026-09-30'],
    ] as const)
      await createEngagement(
        {
          actor: carla,
          input: {
            name,
            firm: 'Example LLP',
            periodFrom,
            periodTo,
            environments: ['PRODUCTION'],
            criteria: ['CC8.1'],
            accessOpens: '2026-10-01',
            accessCloses: '2026-11-30',
            auditorIds: [audrey.id],
          },
        },
        { db, now },
      );
    const request = (environment: 'PRODUCTION' | 'STAGING', at: string) => ({
      kind: 'NEW_TOOL' as const,
      environment,
      requestedToolName: 'some-tool',
      evaluationSnapshot: {},
      dueAt: new Date(at),
      createdAt: new Date(at),
    });
    await db.changeRequest.createMany({
      data: [
        request('PRODUCTION', '2026-02-10T00:00:00Z'), // Q1
        request('PRODUCTION', '2026-05-10T00:00:00Z'), // the gap (Q2): counts in no audit
        request('PRODUCTION', '2026-08-10T00:00:00Z'), // Q3
        request('STAGING', '2026-08-11T00:00:00Z'), // Q3, but not an audited environment
        request('PRODUCTION', '2026-10-10T00:00:00Z'), // after both periods
      ],
    });
    const changeRequests = async (actor: Actor) => {
      const view = await getControlsView({ actor, input: {} }, { db, now });
      return view.rows.find((r) => r.id === 'CC8.1')!.evidence.find((e) => e.kind === 'change-requests');
    };
    expect(await changeRequests(audrey)).toMatchObject({ count: 2, latestAt: '2026-08-10T00:00:00.000Z' });
    // The officer's view is unchanged: every record up to now.
    expect(await changeRequests(carla)).toMatchObject({ count: 5, latestAt: '2026-10-10T00:00:00.000Z' });
  });
});
