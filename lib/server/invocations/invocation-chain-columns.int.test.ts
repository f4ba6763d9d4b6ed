import type { PrismaClient } from '@prisma/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { eventLine } from '@/lib/testing/invocation-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { readEventChainPage } from './event-chain-pages';
import { ingestInvocationEvents } from './ingest-invocation-events';
import { verifyInvocationChain } from './verify-invocation-chain';

// The chain walk reads rows through the raw driver as text (event-chain-pages.ts). A change to a
// column of any type it converts (timestamp, text[], enum, integer, nullable text) must still
// break the hash at that row, and the row read back must hash as the ingest hashed it.
const t = withTestDatabase();
const auditor: Actor = { type: 'USER', id: 'auditor', label: 'auditor@test', role: 'AUDITOR' };

beforeAll(async () => {
  const at = new Date();
  const body = Array.from({ length: 6 }, (_, i) =>
    eventLine({ event_id: `col-${i}`, timestamp: new Date(at.getTime() - 1000 + i).toISOString() }),
  ).join('\n');
  await ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body, single: false } }, { now: at });
});

/** Runs SQL behind the append-only trigger, as an attacker with the owner's rights could. */
const behindTrigger = (sql: string) =>
  t.db().exec(`SET session_replication_role = replica; ${sql}; SET session_replication_role = origin;`);

describe('invocation chain walk over every kind of column', () => {
  it.each([
    [
      'a timestamp moves by one millisecond',
      `"occurredAt" = "occurredAt" + interval '1 millisecond'`,
      `"occurredAt" = "occurredAt" - interval '1 millisecond'`,
    ],
    [
      'a text array element changes',
      `"permissionsUsed" = ARRAY['network:none', 'filesystem:write']`,
      `"permissionsUsed" = ARRAY['network:none', 'filesystem:read']`,
    ],
    ['an enum changes', `"dataClassification" = 'PUBLIC'`, `"dataClassification" = 'INTERNAL'`],
    ['an integer changes', `"durationMs" = 343`, `"durationMs" = 342`],
    ['a null becomes a value', `"outputSizeBytes" = 0`, `"outputSizeBytes" = NULL`],
  ])('finds the row when %s, and verifies again once it is put back', async (_label, change, back) => {
    expect(await verifyInvocationChain({ actor: auditor, input: { batchSize: 4 } })).toMatchObject({ ok: true, checked: 6 });
    await behindTrigger(`UPDATE "InvocationEvent" SET ${change} WHERE seq = 5`);
    const report = await verifyInvocationChain({ actor: auditor, input: { batchSize: 4 } });
    expect(report).toMatchObject({ ok: false, checked: 4, break: { seq: '5', eventId: 'col-4', kind: 'hash-mismatch' } });
    await behindTrigger(`UPDATE "InvocationEvent" SET ${back} WHERE seq = 5`);
    expect(await verifyInvocationChain({ actor: auditor, input: {} })).toMatchObject({ ok: true, checked: 6 });
  });

  it('reads the same values through the driver as through Prisma (a transaction client has no driver of its own)', async () => {
    const prisma = await getPrisma();
    const direct = await readEventChainPage(prisma, 0n, {}, 10);
    const viaPrisma = await prisma.$transaction((tx) => readEventChainPage(tx as PrismaClient, 0n, {}, 10));
    expect(direct).toHaveLength(6);
    expect(viaPrisma).toEqual(direct);
    const stored = await prisma.invocationEvent.findFirstOrThrow({ where: { seq: 1n } });
    expect(direct[0]).toMatchObject({
      seq: '1',
      receivedAt: stored.receivedAt.toISOString(),
      occurredAt: stored.occurredAt.toISOString(),
      permissionsUsed: stored.permissionsUsed,
      dataClassification: stored.dataClassification,
      durationMs: stored.durationMs,
      outputSizeBytes: null,
    });
  });
});
