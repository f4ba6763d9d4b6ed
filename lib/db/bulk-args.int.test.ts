import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { withTestDatabase } from '@/lib/testing/test-database';
import { heldBulkArgs, withBulkArgs } from './bulk-args';

withTestDatabase();

describe('large raw-query arguments by handle', () => {
  it('reach the driver as the values themselves, in and out of a transaction, and are released after', async () => {
    const prisma = await getPrisma();
    const text = 'line\twith a tab\n'.repeat(10_000);
    const ids = Array.from({ length: 5_000 }, (_, i) => `id-${i}`);
    const [row] = await withBulkArgs([text, ids], ([t, a]) =>
      prisma.$queryRawUnsafe<{ len: number; n: number; last: string }[]>(
        'SELECT length($1::text)::int AS len, cardinality($2::text[])::int AS n, ($2::text[])[5000] AS last',
        t,
        a,
      ),
    );
    expect(row).toEqual({ len: text.length, n: 5_000, last: 'id-4999' });
    const inTx = await prisma.$transaction((tx) =>
      withBulkArgs([ids], ([a]) =>
        tx.$queryRawUnsafe<{ n: number }[]>('SELECT cardinality(ARRAY(SELECT unnest($1::text[])))::int AS n', a),
      ),
    );
    expect(inTx).toEqual([{ n: 5_000 }]);
    expect(heldBulkArgs()).toBe(0);
  });

  it('releases the values when the query fails, and a handle used after its call fails the statement', async () => {
    const prisma = await getPrisma();
    let stale = '';
    await expect(
      withBulkArgs(['x'], ([h]) => {
        stale = h!;
        return prisma.$queryRawUnsafe('SELECT $1::int', h);
      }),
    ).rejects.toThrow();
    expect(heldBulkArgs()).toBe(0);
    // Its NUL character is refused by the server: never stored as text.
    await expect(prisma.$queryRawUnsafe('SELECT $1::text AS t', stale)).rejects.toThrow();
  });
});
