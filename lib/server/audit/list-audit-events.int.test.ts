import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from './record-audit-event';
import { listAuditEntityTypes, listAuditEvents } from './list-audit-events';

withTestDatabase();

const alice: Actor = { type: 'USER', id: 'u-alice', label: 'alice@example.test', role: 'ADMIN' };
const bob: Actor = { type: 'USER', id: 'u-bob', label: 'bob@example.test', role: 'COMPLIANCE_OFFICER' };

beforeAll(async () => {
  const prisma = await getPrisma();
  // 25 records: Tool 0..9 by alice, Policy 10..24 alternating actors.
  for (let i = 0; i < 25; i++) {
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, i < 10 || i % 2 === 0 ? alice : bob, {
        action: i < 10 ? 'tool.synced' : 'policy.updated',
        entityType: i < 10 ? 'Tool' : 'Policy',
        entityId: `e${i % 3}`,
        after: { i },
      }),
    );
  }
});

describe('listAuditEvents', () => {
  it('pages newest first by seq, both ways, with no gaps or overlaps', async () => {
    const p1 = await listAuditEvents({}, 10);
    expect(p1.rows.map((r) => (r.after as { i: number }).i)).toEqual([24, 23, 22, 21, 20, 19, 18, 17, 16, 15]);
    expect(p1.newerThan).toBeNull();
    const p2 = await listAuditEvents({ before: p1.olderThan! }, 10);
    const p3 = await listAuditEvents({ before: p2.olderThan! }, 10);
    expect(p3.rows).toHaveLength(5);
    expect(p3.olderThan).toBeNull();
    const seen = [...p1.rows, ...p2.rows, ...p3.rows].map((r) => Number(r.seq));
    expect(new Set(seen).size).toBe(25);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    const back = await listAuditEvents({ after: p3.newerThan! }, 10);
    expect(back.rows.map((r) => r.seq)).toEqual(p2.rows.map((r) => r.seq));
    expect(back.newerThan).toBe(p2.newerThan);
  });

  it('filters by entity, actor, action prefix and dates', async () => {
    const tools = await listAuditEvents({ entityType: 'Tool', entityId: 'e1' });
    expect(tools.rows.every((r) => r.entityType === 'Tool' && r.entityId === 'e1')).toBe(true);
    expect(tools.rows).toHaveLength(3); // i = 1, 4, 7
    const bobs = await listAuditEvents({ actor: 'BOB@' });
    expect(bobs.rows).toHaveLength(7);
    expect((await listAuditEvents({ actor: 'u-bob' })).rows).toHaveLength(7);
    expect((await listAuditEvents({ action: 'policy.' })).rows).toHaveLength(15);
    expect((await listAuditEvents({ from: '2000-01-01', to: '2000-01-02' })).rows).toHaveLength(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents({ from: today, to: today })).rows).toHaveLength(25);
  });

  it('lists the entity types present', async () => {
    expect(await listAuditEntityTypes()).toEqual(['Policy', 'Tool']);
  });
});
