// Text search by trigram index (issue 9, point 4): pg_trgm is loaded on both databases (PGlite
// through its contrib module, PostgreSQL by the migration) and the inventory's searched columns
// have trigram indexes that answer `ILIKE '%word%'`; the search still finds the same tools.
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { ZInventoryQuery, type TInventoryQueryInput } from '@/lib/validation/inventory';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { findToolsForInventory } from './find-tools-for-inventory';

const t = withTestDatabase();
const names = async (input: TInventoryQueryInput) =>
  (await findToolsForInventory({ actor: SYSTEM_ACTOR, input: ZInventoryQuery.parse(input) })).rows.map((r) => r.name);

/**
 * The plan of `sql` with sequential and plain index scans priced out: a full walk of a btree
 * (e.g. the name sort index) would pass on a small table, only a trigram bitmap answers ILIKE.
 */
async function planOf(sql: string): Promise<string> {
  return t.db().withSession(async (s) => {
    await s.exec('BEGIN; SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off');
    try {
      const rows = await s.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await s.exec('ROLLBACK');
    }
  });
}

describe('trigram text search', () => {
  beforeAll(async () => {
    const prisma = t.db().prisma;
    const reg = await createRegistry(prisma, { name: 'trgm' });
    const acme = await createPublisher(prisma, { registryId: reg.id, name: 'Acme Mailworks' });
    const zed = await createPublisher(prisma, { registryId: reg.id, name: 'Zed Labs' });
    await createTool(prisma, {
      registryId: reg.id,
      publisherId: acme.id,
      name: 'invoice-reader',
      versions: [{ version: '1.0.0' }],
    });
    await createTool(prisma, {
      registryId: reg.id,
      publisherId: zed.id,
      name: 'pdf-splitter',
      description: 'Splits PDF files; 100% offline',
      versions: [{ version: '1.0.0' }],
    });
    await createTool(prisma, { registryId: reg.id, publisherId: zed.id, name: 'Kafka_Bridge', versions: [{ version: '1.0.0' }] });
  });

  it('has pg_trgm loaded', async () => {
    const rows = await t.db().query<{ extname: string }>(`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`);
    expect(rows).toEqual([{ extname: 'pg_trgm' }]);
  });

  it.each([
    ['Tool', 'name', 'Tool_name_trgm_idx'],
    ['Tool', 'externalId', 'Tool_externalId_trgm_idx'],
    ['Tool', 'description', 'Tool_description_trgm_idx'],
    ['Publisher', 'name', 'Publisher_name_trgm_idx'],
  ])('answers ILIKE on %s.%s from its trigram index', async (table, column, index) => {
    const plan = await planOf(`SELECT id FROM "${table}" WHERE "${column}" ILIKE '%split%'`);
    expect(plan).toContain(index);
  });

  it('finds substrings in any case, in the middle of words, through the publisher name too', async () => {
    expect(await names({ q: 'VOICE-RE' })).toEqual(['invoice-reader']);
    expect(await names({ q: 'mailwork' })).toEqual(['invoice-reader']);
    expect(await names({ q: 'offline' })).toEqual(['pdf-splitter']);
    // Shorter than a trigram: no index help, same answer.
    expect(await names({ q: 'pd' })).toEqual(['pdf-splitter']);
    expect(await names({ q: 'nothing-like-this' })).toEqual([]);
  });

  it('takes %, _ and \\ literally', async () => {
    expect(await names({ q: '100%' })).toEqual(['pdf-splitter']);
    expect(await names({ q: 'a_b' })).toEqual(['Kafka_Bridge']);
    expect(await names({ q: 'a%b' })).toEqual([]);
    expect(await names({ q: '\\' })).toEqual([]);
  });
});
