import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { verifyInvocationChain } from '@/lib/server/invocations/verify-invocation-chain';
import { withTestDatabase } from '@/lib/testing/test-database';
import { seedDemoData } from './seed';

withTestDatabase();

describe('demo invocation events', () => {
  it('arrive through ingestion linked to real enforcement decisions, with both kinds of alert', async () => {
    const prisma = await getPrisma();
    await seedDemoData(prisma);
    const byApproval = await prisma.invocationEvent.groupBy({ by: ['approval'], _count: true });
    const count = (a: string) => byApproval.find((b) => b.approval === a)?._count ?? 0;
    expect(count('UNKNOWN_SUBJECT')).toBe(3);
    expect(count('ALLOWED') + count('DENIED')).toBeGreaterThan(50);
    // The one installation nobody asked enforcement about.
    expect(count('NO_ALLOW')).toBe(24);
    const kinds = (await prisma.alert.findMany({ where: { kind: { startsWith: 'invocation-' } }, select: { kind: true } })).map(
      (a) => a.kind,
    );
    expect(kinds).toContain('invocation-unknown-subject');
    expect(kinds).toContain('invocation-unapproved-use');
    expect(await verifyInvocationChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });
    // Policy exceptions in every state survive the workflow seed's own (issue 12.3).
    const statuses = new Set((await prisma.policyException.findMany({ select: { status: true } })).map((e) => e.status));
    expect([...statuses].sort()).toEqual(['APPROVED', 'REJECTED', 'REQUESTED', 'REVOKED']);
    // Retention per environment (issue 11.3), set through the audited operation.
    const retention = await prisma.eventRetentionSetting.findMany({ orderBy: { environment: 'asc' } });
    expect(retention.map((r) => [r.environment, r.days])).toEqual([
      ['PRODUCTION', 365],
      ['STAGING', 90],
      ['DEVELOPMENT', 31],
    ]);
    expect(await prisma.auditEvent.count({ where: { action: 'eventRetention.updated' } })).toBe(3);
    // The whole demo seed runs here, every installation through the change workflow: minutes on a loaded machine.
  }, 300_000);
});
