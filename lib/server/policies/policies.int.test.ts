import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { DEFAULT_POLICIES } from '@/lib/domain/policy/defaults';
import { buildEnforceWorld } from '@/lib/testing/enforce-world';
import { getCurrentPolicies } from './get-current-policies';
import { listPolicyVersions } from './list-policy-versions';
import { updatePolicy } from './update-policy';
import { getComplianceMatrix } from './get-compliance-matrix';
import type { TUpdatePolicyInput } from '@/lib/validation/policy';

const t = withTestDatabase();
let actor: { type: 'USER'; id: string; label: string; role: 'ADMIN' };

beforeAll(async () => {
  await buildEnforceWorld(t.db().prisma);
  const admin = await t.db().prisma.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
  actor = { type: 'USER', id: admin.id, label: admin.email, role: 'ADMIN' };
});

const input = (patch: Partial<TUpdatePolicyInput> = {}): TUpdatePolicyInput => ({
  ...DEFAULT_POLICIES.STAGING,
  minTier: 'VERIFIED',
  environment: 'STAGING',
  baseVersion: 1,
  changeNote: 'Tighten staging',
  ...patch,
});

describe('policies', () => {
  it('seeds version 1 of each default policy', async () => {
    const p = await getCurrentPolicies({ fresh: true });
    expect([p.PRODUCTION.minTier, p.STAGING.minTier, p.DEVELOPMENT.minTier]).toEqual(['GOLD', 'VERIFIED', null]);
    expect(p.DEVELOPMENT.logUnverified).toBe(true);
  });

  it('saves a change as a new version with who and what, audited', async () => {
    const saved = await updatePolicy({ actor, input: input({ minTier: 'GOLD' }) });
    expect(saved.version).toBe(2);
    expect((await getCurrentPolicies()).STAGING.minTier).toBe('GOLD');
    const [latest, first] = await listPolicyVersions({ actor, input: { environment: 'STAGING' } });
    expect(latest!.author?.email).toBe('admin@test.local');
    expect(latest!.changes).toEqual([expect.objectContaining({ label: 'Minimum tier', from: 'Verified', to: 'Gold' })]);
    expect(first!.policy.version).toBe(1);
    const audit = await t.db().prisma.auditEvent.findFirstOrThrow({ where: { action: 'policy.updated' } });
    expect(audit.actorId).toBe(actor.id);
  });

  it('refuses a save based on an outdated version, and a save without changes', async () => {
    await expect(updatePolicy({ actor, input: input({ minTier: 'PARTIAL', baseVersion: 1 }) })).rejects.toMatchObject({
      status: 409,
    });
    await expect(updatePolicy({ actor, input: input({ minTier: 'GOLD', baseVersion: 2 }) })).rejects.toMatchObject({
      status: 400,
    });
    expect(await t.db().prisma.policy.count({ where: { environment: 'STAGING' } })).toBe(2);
  });
});

describe('compliance matrix', () => {
  it('evaluates every latest version in every environment', async () => {
    const m = await getComplianceMatrix({ actor, input: {} });
    expect(m.total).toBe(3);
    const fetcher = m.rows.find((r) => r.toolName === 'web-fetcher')!;
    const prod = fetcher.cells.find((c) => c.environment === 'PRODUCTION')!;
    expect(prod.passes).toBe(false);
    expect(prod.blocking.map((b) => b.rule)).toEqual(['min-tier']);
    expect(prod.reviewTriggers.map((r) => r.trigger)).toEqual(['external-network']);
  });

  it('shows the exception that covers a violation, and filters by status', async () => {
    const p = t.db().prisma;
    const tool = await p.tool.findFirstOrThrow({ where: { name: 'web-fetcher' } });
    const user = await p.user.findFirstOrThrow();
    const ex = await p.policyException.create({
      data: {
        rules: ['min-tier'],
        toolId: tool.id,
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
    const covered = await getComplianceMatrix({ actor, input: { status: 'covered' } });
    expect(covered.rows.map((r) => r.toolName)).toEqual(['web-fetcher']);
    expect(covered.rows[0]!.cells.find((c) => c.environment === 'PRODUCTION')!.covered[0]).toMatchObject({
      rule: 'min-tier',
      exceptionId: ex.id,
    });
    const failingProd = await getComplianceMatrix({ actor, input: { status: 'failing', environment: 'PRODUCTION' } });
    expect(failingProd.rows.map((r) => r.toolName)).toEqual(['scratch-pad']);
    expect((await getComplianceMatrix({ actor, input: { q: 'EMAIL' } })).rows.map((r) => r.toolName)).toEqual(['email-parser']);
    expect((await getComplianceMatrix({ actor, input: { pageSize: 1, page: 2 } })).rows).toHaveLength(1);
  });
});
