import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { withTestDatabase } from '@/lib/testing/test-database';
import { withBulkArgs } from './bulk-args';
import { jsonbBinary } from './pglite-jsonb-binary';

withTestDatabase();

// jsonb parameters reach PGlite in binary form (version byte + text); PostgreSQL gets text as before.
describe('jsonb parameters', () => {
  const value = {
    text: 'plain, "quoted", back\\slash, tab\t, newline\n, ünïcödé, 表, emoji 🦊',
    numbers: [0, -1.5, 1e21, 12345678901234],
    nested: { empty: {}, list: [], nothing: null, yes: true },
  };

  it('round-trip through a raw query, a bulk argument and a Prisma Json column unchanged', async () => {
    const prisma = await getPrisma();
    const [raw] = await prisma.$queryRawUnsafe<{ v: unknown }[]>('SELECT $1::jsonb AS v', JSON.stringify(value));
    expect(raw!.v).toEqual(value);
    const rows = [
      { id: 'a', doc: value },
      { id: 'b', doc: null },
    ];
    const back = await withBulkArgs([JSON.stringify(rows)], ([json]) =>
      prisma.$queryRawUnsafe<{ id: string; doc: unknown; isNull: boolean }[]>(
        'SELECT x.id, x.doc, x.doc IS NULL AS "isNull" FROM jsonb_to_recordset($1::jsonb) AS x(id text, doc jsonb) ORDER BY x.id',
        json,
      ),
    );
    expect(back).toEqual([
      { id: 'a', doc: value, isNull: false },
      { id: 'b', doc: null, isNull: true },
    ]);
    const registry = await prisma.registry.create({
      data: { kind: 'AGENTNODE', name: 'jsonb', baseUrl: 'https://registry.example', config: value },
    });
    expect((await prisma.registry.findUniqueOrThrow({ where: { id: registry.id } })).config).toEqual(value);
  });

  it('are refused as PostgreSQL refuses them in text (a NUL character)', async () => {
    const prisma = await getPrisma();
    await expect(prisma.$queryRawUnsafe('SELECT $1::jsonb AS v', '{"a":"\\u0000"}')).rejects.toThrow();
  });

  it('are a version byte followed by the JSON text', () => {
    expect([...jsonbBinary('{"a":"é"}')]).toEqual([1, ...Buffer.from('{"a":"é"}', 'utf8')]);
    expect(
      Buffer.from(jsonbBinary({ a: 1 }))
        .subarray(1)
        .toString(),
    ).toBe('{"a":1}');
  });
});
