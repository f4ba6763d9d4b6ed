import { beforeAll, describe, expect, it } from 'vitest';
import type { ExceptionStatus } from '@prisma/client';
import { withTestDatabase } from '@/lib/testing/test-database';
import { createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { findToolsForInventory } from './find-tools-for-inventory';

withTestDatabase();
const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 86_400_000;
// A compliance officer: an auditor sees only the tools inside their audits (ADR 0010), tested elsewhere.
const officer: Actor = { type: 'USER', id: 'u-officer', label: 'officer@example.test', role: 'COMPLIANCE_OFFICER' };

/**
 * "Covered by exception" (issue 12.4): a tool with an approved exception that has not expired at
 * the operation's clock; an expired, requested, reopened, rejected or revoked one does not count.
 */
beforeAll(async () => {
  const db = await getPrisma();
  const registry = await createRegistry(db);
  const publisher = await createPublisher(db, { registryId: registry.id });
  const cases: [string, ExceptionStatus | null, number, boolean?][] = [
    ['approved', 'APPROVED', 10],
    ['expired', 'APPROVED', -1],
    ['requested', 'REQUESTED', 10],
    ['reopened', 'REQUESTED', 10, true],
    ['rejected', 'REJECTED', 10],
    ['revoked', 'REVOKED', 10],
    ['none', null, 0],
  ];
  for (const [name, status, days, reopened] of cases) {
    const { tool } = await createTool(db, { registryId: registry.id, publisherId: publisher.id, name });
    if (!status) continue;
    await db.policyException.create({
      data: {
        rules: ['min-tier'],
        toolId: tool.id,
        environment: 'PRODUCTION',
        justification: 'j',
        compensatingControls: 'c',
        remediationPlan: 'r',
        remediationDate: new Date(NOW.getTime() + 5 * DAY),
        expiresAt: new Date(NOW.getTime() + days * DAY),
        status,
        requestedById: 'u-officer',
        reopenedAt: reopened ? NOW : null,
      },
    });
  }
});

describe('inventory filter: covered by exception', () => {
  const covered = async (now: Date) =>
    (await findToolsForInventory({ actor: officer, input: { exception: 'covered' } }, { now })).rows.map((r) => r.name);

  it('lists only tools an approved, unexpired exception stands for', async () => {
    expect(await covered(NOW)).toEqual(['approved']);
  });

  it('drops the tool once the exception expires at the operation’s clock', async () => {
    expect(await covered(new Date(NOW.getTime() + 11 * DAY))).toEqual([]);
    expect(await covered(new Date(NOW.getTime() - 2 * DAY))).toEqual(['approved', 'expired']);
  });

  it('refuses an unknown filter value', async () => {
    await expect(findToolsForInventory({ actor: officer, input: { exception: 'maybe' } as never })).rejects.toMatchObject({
      status: 400,
    });
  });
});
