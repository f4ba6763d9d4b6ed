import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/v1/enforce/route';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { buildEnforceWorld, enforceRequest } from '@/lib/testing/enforce-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { seedIncidents } from './seed-incidents';

const t = withTestDatabase();

describe('seedIncidents', () => {
  it('leaves one closed supply-chain incident whose quarantine was lifted, all through the operations', async () => {
    const prisma = t.db().prisma;
    const w = await buildEnforceWorld(prisma);
    await prisma.user.create({ data: { email: 'reviewer@demo.test', name: 'Reviewer', role: 'SECURITY_REVIEWER' } });
    await seedIncidents(prisma);
    await seedIncidents(prisma); // idempotent

    const incidents = await prisma.incident.findMany({ include: { steps: true, quarantines: true, events: true } });
    expect(incidents).toHaveLength(1);
    const [i] = incidents;
    expect(i).toMatchObject({ scenario: 'SUPPLY_CHAIN_ATTACK', status: 'CLOSED', severity: 'CRITICAL' });
    expect(i!.lessonsLearned).toBeTruthy();
    expect(i!.quarantines).toHaveLength(1);
    expect(i!.quarantines[0]!.liftedAt).not.toBeNull();
    expect(i!.quarantines[0]!.liftReason).toMatch(/Provenance/);
    const kinds = i!.events.map((e) => e.kind);
    for (const k of ['opened', 'quarantined', 'agent-owner-alerted', 'step-done', 'quarantine-lifted', 'status-changed'])
      expect(kinds).toContain(k);
    // The affected agent's owner was alerted, and the alert resolved during recovery.
    const alerts = await prisma.alert.findMany({ where: { kind: 'incident-quarantine' } });
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a) => a.state === 'RESOLVED')).toBe(true);
    expect(await prisma.auditEvent.count({ where: { entityType: 'Incident', entityId: i!.id } })).toBeGreaterThan(10);
    expect(await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });

    // Lifted: the version is allowed again.
    const res = await POST(
      enforceRequest(w.keys.enforce, { agent: w.agents.prod, tool: 'email-parser', version: '1.0.0', action: 'invoke' }),
    );
    expect(((await res.json()) as { decision: string }).decision).toBe('allow');
  });
});
