import { describe, expect, it } from 'vitest';
import { getDatabase } from '@/lib/db/client';
import { withTestDatabase } from '@/lib/testing/test-database';

withTestDatabase();

// queryPrepared (the decision log's INSERT, ADR 0008 addendum of session 9): a named statement
// prepared once, then only bound and executed; on PGlite in one call into the engine.
describe('queryPrepared', () => {
  it('returns the rows, commits before it resolves, and survives a failed execution and a changed table', async () => {
    const db = await getDatabase();
    const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM test_prepared'))[0]!.n;
    await db.exec('CREATE TABLE test_prepared (id text PRIMARY KEY, n int NOT NULL)');
    try {
      const sql = 'INSERT INTO test_prepared (id, n) VALUES ($1, $2::int) RETURNING id';
      expect(await db.queryPrepared<{ id: string }>('test_prepared_insert', sql, ['a', 1])).toEqual([{ id: 'a' }]);
      expect(await db.queryPrepared<{ id: string }>('test_prepared_insert', sql, ['b', 2])).toEqual([{ id: 'b' }]);
      // Committed: another statement sees both rows at once.
      expect(await count()).toBe(2);
      // A failed execution (duplicate key, then a null) fails that call only; the statement stays usable.
      await expect(db.queryPrepared('test_prepared_insert', sql, ['a', 3])).rejects.toThrow();
      await expect(db.queryPrepared('test_prepared_insert', sql, ['c', null])).rejects.toThrow();
      expect(await db.queryPrepared<{ id: string }>('test_prepared_insert', sql, ['d', 4])).toEqual([{ id: 'd' }]);
      // The table changes under the prepared statement: it is planned again, not broken.
      await db.exec('ALTER TABLE test_prepared ADD COLUMN note text');
      expect(await db.queryPrepared<{ id: string }>('test_prepared_insert', sql, ['e', 5])).toEqual([{ id: 'e' }]);
      // A statement refused on its first use (parsed, then the row refused) works on the next.
      const other = 'INSERT INTO test_prepared (id, n) VALUES ($1, $2::int) RETURNING id, n::text AS n';
      await expect(db.queryPrepared('test_prepared_other', other, ['a', 6])).rejects.toThrow();
      expect(await db.queryPrepared('test_prepared_other', other, ['f', 6])).toEqual([{ id: 'f', n: '6' }]);
      expect(await count()).toBe(5);
    } finally {
      await db.exec('DROP TABLE test_prepared');
    }
  });
});
