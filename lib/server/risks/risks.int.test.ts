import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { snapshotTables } from '@/lib/testing/db-snapshot';
import { createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import type { TAssessRiskInput } from '@/lib/validation/risk';
import { findToolsForInventory } from '@/lib/server/inventory/find-tools-for-inventory';
import { assessRisk } from './assess-risk';
import { getToolRisk } from './get-tool-risk';
import { listRiskRegister } from './list-risk-register';
import { raiseOverdueRiskReviewAlerts } from './raise-overdue-risk-review-alerts';

const t = withTestDatabase();
const NOW = new Date('2026-06-01T12:00:00Z');
let officer: Actor;
let reviewer: Actor;
const auditor: Actor = { type: 'USER', id: 'u-auditor', label: 'auditor@example.test', role: 'AUDITOR' };
let toolId: string;
let versionId: string;

beforeAll(async () => {
  const db = await getPrisma();
  const o = await db.user.create({ data: { email: 'officer@risk.test', name: 'Olga Officer', role: 'COMPLIANCE_OFFICER' } });
  const r = await db.user.create({ data: { email: 'reviewer@risk.test', name: 'Rita Reviewer', role: 'SECURITY_REVIEWER' } });
  officer = { type: 'USER', id: o.id, label: o.email, role: o.role };
  reviewer = { type: 'USER', id: r.id, label: r.email, role: r.role };
  const registry = await createRegistry(db);
  const publisher = await createPublisher(db, { registryId: registry.id, trustLevel: 'UNVERIFIED' });
  // Partial tier (score 60), network external to one host, a high registry signal: likelihood 3+1+1 = 5; impact internal 2 + egress 1 = 3.
  const { tool, versions } = await createTool(db, {
    registryId: registry.id,
    publisherId: publisher.id,
    name: 'mail-sender',
    versions: [
      {
        version: '1.0.0',
        score: 60,
        permissions: { network: 'EXTERNAL' },
        allowedDomains: ['api.mail.example'],
        riskSignals: [{ key: 'install-scripts', label: 'Install scripts', severity: 'high' }],
      },
    ],
  });
  toolId = tool.id;
  versionId = versions[0]!.id;
});

// Bad inputs are typed as the form would send them: anything.
const valid = (over: Record<string, unknown> = {}): TAssessRiskInput =>
  ({
    toolId,
    likelihood: 5,
    impact: 3,
    controls: 'Egress proxy allows api.mail.example only',
    residualLikelihood: 3,
    residualImpact: 3,
    treatment: 'MITIGATE',
    owner: 'Messaging team',
    ...over,
  }) as TAssessRiskInput;

async function refusedWithNothingStored(call: () => Promise<unknown>, status: number, path?: string) {
  const before = await snapshotTables(t.db());
  const err = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).status).toBe(status);
  if (path) expect((err as AppError).issues.map((i) => i.path)).toContain(path);
  expect(await snapshotTables(t.db())).toEqual(before);
  return err as AppError;
}

describe('getToolRisk: the suggestion', () => {
  it('pre-fills likelihood and impact from the tool’s facts, with reasons', async () => {
    const risk = await getToolRisk({ actor: officer, input: { toolId } }, { now: NOW });
    expect(risk?.suggestion.likelihood.value).toBe(5);
    expect(risk?.suggestion.likelihood.reasons.join(' | ')).toMatch(/Tier Partial.*Install scripts.*publisher/);
    expect(risk?.suggestion.impact).toEqual({
      value: 3,
      reasons: [
        'Data classification internal: base 2',
        '+1 data can leave the environment (network external to api.mail.example)',
      ],
    });
    expect(risk?.current).toBeNull();
  });

  it('is null for an unknown tool and refused without risk:read', async () => {
    expect(await getToolRisk({ actor: auditor, input: { toolId: 'missing' } })).toBeNull();
    await expect(
      getToolRisk({ actor: { type: 'API_KEY', id: 'k', label: 'k', scopes: ['READ'], agentId: null }, input: { toolId } }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe('assessRisk: bad input stores nothing', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['likelihood above 5', { likelihood: 6 }, 'likelihood'],
    ['impact below 1', { impact: 0 }, 'impact'],
    ['residual impact not a number', { residualImpact: 'high' }, 'residualImpact'],
    ['a fractional score', { residualLikelihood: 2.5 }, 'residualLikelihood'],
    ['unknown treatment', { treatment: 'IGNORE' }, 'treatment'],
    ['no owner', { owner: '  ' }, 'owner'],
    ['a control character', { controls: 'a\u0000b' }, 'controls'],
    ['residual above inherent', { residualLikelihood: 5, residualImpact: 4 }, 'residualImpact'],
    ['lower residual without controls', { controls: '' }, 'controls'],
    ['next review in the past', { nextReviewOn: '2026-05-01' }, 'nextReviewOn'],
    ['next review beyond a year', { nextReviewOn: '2027-07-01' }, 'nextReviewOn'],
    ['next review not a day', { nextReviewOn: '2026-02-30' }, 'nextReviewOn'],
    ['override of the likelihood without a reason', { likelihood: 4, residualLikelihood: 3 }, 'likelihoodReason'],
    ['override of the impact with a blank reason', { impact: 5, impactReason: '   ' }, 'impactReason'],
    ['a version of another tool', { toolVersionId: 'not-this-tools' }, 'toolVersionId'],
  ])('%s → 400 on %s', async (_name, over, path) => {
    await refusedWithNothingStored(() => assessRisk({ actor: officer, input: valid(over) }, { now: NOW }), 400, path);
  });

  it('an unknown tool is 404, the auditor and the reviewer are refused, nothing stored', async () => {
    await refusedWithNothingStored(() => assessRisk({ actor: officer, input: valid({ toolId: 'nope' }) }, { now: NOW }), 404);
    await refusedWithNothingStored(() => assessRisk({ actor: auditor, input: valid() }, { now: NOW }), 403);
    await refusedWithNothingStored(() => assessRisk({ actor: reviewer, input: valid() }, { now: NOW }), 403);
    await refusedWithNothingStored(() => assessRisk({ actor: SYSTEM_ACTOR, input: valid() }, { now: NOW }), 403);
  });
});

describe('assessRisk: history, register, overdue', () => {
  let firstId: string;

  it('records an assessment confirming the suggestion, with the audit record', async () => {
    const a = await assessRisk({ actor: officer, input: valid({ toolVersionId: versionId }) }, { now: NOW });
    firstId = a.id;
    expect(a).toMatchObject({ inherentScore: 15, residualScore: 9, overrides: [], previousId: null, toolVersionId: versionId });
    expect(a.nextReviewAt.toISOString().slice(0, 10)).toBe('2026-11-28'); // medium residual: 180 days
    expect(a.suggestion).toMatchObject({ likelihood: { value: 5 }, impact: { value: 3 } });
    const audit = await (await getPrisma()).auditEvent.findFirst({ where: { entityId: a.id } });
    expect(audit).toMatchObject({ action: 'riskAssessment.recorded', entityType: 'RiskAssessment' });
  });

  it('a second reassessment of the same starting row is a conflict', async () => {
    await refusedWithNothingStored(() => assessRisk({ actor: officer, input: valid() }, { now: NOW }), 409);
  });

  it('overdue reviews are flagged, alerted once, and a reassessment resolves the alert', async () => {
    const later = new Date('2026-12-01T00:00:00Z');
    const register = await listRiskRegister({ actor: officer, input: { overdue: '1' } }, { now: later });
    expect(register.rows.map((r) => r.id)).toEqual([firstId]);
    expect(register.overdue).toBe(1);
    expect(await raiseOverdueRiskReviewAlerts({ actor: SYSTEM_ACTOR, input: {} }, { now: later })).toBe(1);
    expect(await raiseOverdueRiskReviewAlerts({ actor: SYSTEM_ACTOR, input: {} }, { now: later })).toBe(0);
    const db = await getPrisma();
    expect(await db.alert.findFirst({ where: { kind: 'risk-review-overdue', toolId } })).toMatchObject({
      state: 'OPEN',
      severity: 'MEDIUM',
    });

    const second = await assessRisk(
      {
        actor: officer,
        input: valid({
          previousId: firstId,
          likelihood: 4,
          likelihoodReason: 'Install scripts reviewed: they only compile templates',
          residualLikelihood: 2,
          treatment: 'ACCEPT',
        }),
      },
      { now: later },
    );
    expect(second).toMatchObject({ previousId: firstId, inherentScore: 12, residualScore: 6, treatment: 'ACCEPT' });
    expect(second.overrides).toEqual([
      { field: 'likelihood', suggested: 5, chosen: 4, reason: 'Install scripts reviewed: they only compile templates' },
    ]);
    expect(await db.alert.findFirst({ where: { kind: 'risk-review-overdue', toolId } })).toMatchObject({ state: 'RESOLVED' });

    const risk = await getToolRisk({ actor: officer, input: { toolId } }, { now: later });
    expect(risk?.current?.id).toBe(second.id);
    expect(risk?.history.map((h) => h.id)).toEqual([second.id, firstId]);
    expect(risk?.history[0]!.changes.map((c) => c.path)).toEqual(
      expect.arrayContaining(['likelihood', 'inherentScore', 'residualLikelihood', 'treatment', 'overrides', 'toolVersionId']),
    );
  });

  it('the register lists current assessments only, filters them, and fills both heat maps', async () => {
    const later = new Date('2026-12-02T00:00:00Z');
    const all = await listRiskRegister({ actor: officer, input: {} }, { now: later });
    expect(all.total).toBe(1);
    expect(all.heat.inherent[3]![2]).toBe(1); // likelihood 4, impact 3
    expect(all.heat.residual[1]![2]).toBe(1); // residual 2 × 3
    expect((await listRiskRegister({ actor: officer, input: { band: 'MEDIUM' } }, { now: later })).total).toBe(1);
    expect((await listRiskRegister({ actor: officer, input: { band: 'HIGH' } }, { now: later })).total).toBe(0);
    expect((await listRiskRegister({ actor: officer, input: { minResidual: 7 } }, { now: later })).total).toBe(0);
    expect((await listRiskRegister({ actor: officer, input: { treatment: 'ACCEPT', q: 'MAIL' } }, { now: later })).total).toBe(1);
    expect((await listRiskRegister({ actor: officer, input: { overdue: '1' } }, { now: later })).total).toBe(0);
    await expect(listRiskRegister({ actor: officer, input: { band: 'SEVERE' } as never })).rejects.toMatchObject({ status: 400 });
  });

  // Read by an officer: an auditor without an open audit sees no inventory (ADR 0010).
  it('the inventory filters on the current residual risk', async () => {
    const ids = async (riskAtLeast: number) =>
      (await findToolsForInventory({ actor: officer, input: { riskAtLeast } })).rows.map((r) => r.id);
    expect(await ids(6)).toEqual([toolId]); // current residual 6 (the earlier 9 is history)
    expect(await ids(7)).toEqual([]);
  });

  it('assessments are append-only in the database itself', async () => {
    const db = await getPrisma();
    await expect(db.riskAssessment.update({ where: { id: firstId }, data: { owner: 'x' } })).rejects.toThrow(/append-only/);
    await expect(db.riskAssessment.delete({ where: { id: firstId } })).rejects.toThrow(/append-only/);
  });
});
