import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { eventLine } from '@/lib/testing/invocation-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { readEventChainPage } from './event-chain-pages';
import { ingestInvocationEvents } from './ingest-invocation-events';

// A page is read as several JSON texts of at most 100 rows, cut by seq range (event-chain-pages.ts):
// the page must still come back whole and in seq order across the cuts, with gaps in the seqs
// (events removed by retention) and with a limit that ends inside a text.
const t = withTestDatabase();

beforeAll(async () => {
  const at = new Date();
  const body = Array.from({ length: 260 }, (_, i) =>
    eventLine({ event_id: `page-${i}`, timestamp: new Date(at.getTime() - 1000 + i).toISOString() }),
  ).join('\n');
  await ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body, single: false } }, { now: at });
  // Gaps across a cut (seq 100 and 101 end and start texts of the first page) and a long one.
  await t.db().exec(
    `SET session_replication_role = replica;
     DELETE FROM "InvocationEvent" WHERE seq IN (3, 100, 101) OR seq BETWEEN 150 AND 199;
     SET session_replication_role = origin;`,
  );
});

const seqsOf = (rows: { seq: string }[]) => rows.map((r) => Number(r.seq));
const expected = (from: number, count: number) =>
  Array.from({ length: 260 }, (_, i) => i + 1)
    .filter((s) => s > from && ![3, 100, 101].includes(s) && !(s >= 150 && s <= 199))
    .slice(0, count);

describe('readEventChainPage', () => {
  it('returns every row of the page in seq order across its texts and the gaps', async () => {
    const prisma = await getPrisma();
    const page = await readEventChainPage(prisma, 0n, {}, 1000);
    expect(seqsOf(page)).toEqual(expected(0, 1000));
    expect(page).toHaveLength(207);
    expect(page[0]).toMatchObject({ seq: '1', eventId: 'page-0' });
  });

  it('stops at the limit inside a text and goes on from the last seq', async () => {
    const prisma = await getPrisma();
    const first = await readEventChainPage(prisma, 0n, {}, 120);
    expect(seqsOf(first)).toEqual(expected(0, 120));
    const next = await readEventChainPage(prisma, BigInt(first.at(-1)!.seq), {}, 120);
    expect(seqsOf(next)).toEqual(expected(Number(first.at(-1)!.seq), 120));
  });
});
