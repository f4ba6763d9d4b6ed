import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from './record-audit-event';
import { listAuditEntityTypes, listAuditEvents } from './list-audit-events';
import { openAuditFor } from '@/lib/testing/open-audit';

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
    const p1 = await listAuditEvents({ actor: alice, input: { pageSize: 10 } });
    expect(p1.rows.map((r) => (r.after as { i: number }).i)).toEqual([24, 23, 22, 21, 20, 19, 18, 17, 16, 15]);
    expect(p1.newerThan).toBeNull();
    const p2 = await listAuditEvents({ actor: alice, input: { before: p1.olderThan!, pageSize: 10 } });
    const p3 = await listAuditEvents({ actor: alice, input: { before: p2.olderThan!, pageSize: 10 } });
    expect(p3.rows).toHaveLength(5);
    expect(p3.olderThan).toBeNull();
    const seen = [...p1.rows, ...p2.rows, ...p3.rows].map((r) => Number(r.seq));
    expect(new Set(seen).size).toBe(25);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    const back = await listAuditEvents({ actor: alice, input: { after: p3.newerThan!, pageSize: 10 } });
    expect(back.rows.map((r) => r.seq)).toEqual(p2.rows.map((r) => r.seq));
    expect(back.newerThan).toBe(p2.newerThan);
  });

  it('filters by entity, actor, action prefix and dates', async () => {
    const tools = await listAuditEvents({ actor: alice, input: { entityType: 'Tool', entityId: 'e1' } });
    expect(tools.rows.every((r) => r.entityType === 'Tool' && r.entityId === 'e1')).toBe(true);
    expect(tools.rows).toHaveLength(3); // i = 1, 4, 7
    const bobs = await listAuditEvents({ actor: alice, input: { actor: 'BOB@' } });
    expect(bobs.rows).toHaveLength(7);
    expect((await listAuditEvents({ actor: alice, input: { actor: 'u-bob' } })).rows).toHaveLength(7);
    expect((await listAuditEvents({ actor: alice, input: { action: 'policy.' } })).rows).toHaveLength(15);
    expect((await listAuditEvents({ actor: alice, input: { from: '2000-01-01', to: '2000-01-02' } })).rows).toHaveLength(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents({ actor: alice, input: { from: today, to: today } })).rows).toHaveLength(25);
  });

  it('lists the entity types present', async () => {
    expect(await listAuditEntityTypes({ actor: alice, input: {} })).toEqual(['Policy', 'Tool']);
  });
});

describe('listAuditEvents names and access', () => {
  it('shows the names of the acting user and of the record where they exist', async () => {
    const prisma = await getPrisma();
    const user = await prisma.user.create({ data: { email: 'carol@example.test', name: 'Carol Auditor', role: 'AUDITOR' } });
    const carol: Actor = { type: 'USER', id: user.id, label: user.email, role: 'AUDITOR' };
    await openAuditFor(prisma, carol); // an auditor reads the trail of their open audits
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, carol, {
        action: 'user.roleChanged',
        entityType: 'User',
        entityId: user.id,
        after: { role: 'AUDITOR' },
      }),
    );
    const [row] = (await listAuditEvents({ actor: carol, input: { entityType: 'User', entityId: user.id } })).rows;
    expect(row?.actorName).toBe('Carol Auditor');
    expect(row?.entityName).toBe('Carol Auditor');
    // A record that no longer exists (or never had a name) keeps its id only.
    const [tool] = (await listAuditEvents({ actor: carol, input: { entityType: 'Tool', entityId: 'e1', pageSize: 1 } })).rows;
    expect(tool?.entityName).toBeNull();
  });

  it('refuses an actor without audit:read, and API keys', async () => {
    const key: Actor = { type: 'API_KEY', id: 'k1', label: 'key', scopes: ['READ'], agentId: null };
    await expect(listAuditEvents({ actor: key, input: {} })).rejects.toMatchObject({ status: 403 });
  });
});
