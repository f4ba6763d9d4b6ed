import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { reloadEnv } from '@/lib/env';
import type { Actor } from '@/lib/server/actor';
import { activeSigningKey } from '@/lib/server/evidence/signing-key';
import { withTestDatabase } from '@/lib/testing/test-database';
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
