import type { PGlite } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';

// PGlite's query() costs six calls into the WebAssembly engine per statement (Parse, Describe,
// Bind, Describe, Execute, Sync), each a full turn of its protocol loop on the event loop, and
// parses and plans the statement every time. For the enforcement API's one statement per call
// (the decision INSERT, ADR 0008) that was most of the engine's share of a call: measured in
// process on a file-backed PGlite, a one-row decision INSERT cost 1.6 ms of CPU through query(),
// 0.57 ms as one protocol message (Parse + Bind + Execute + Sync in one call), 0.27 ms with the
// statement prepared once and only Bind + Execute + Sync sent. This sends exactly what query()
// sends, in one call, under the same locks, with the same sync to the file system afterwards:
// the statement commits (implicitly, at Sync) before the promise resolves, as before.

type Exclusive = {
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
};
type Message = { name: string; code?: string; fields?: { name: string }[] | (string | null)[] };

/** Postgres error codes after which the prepared statement is made again: gone, or its result shape changed. */
const PREPARE_AGAIN = new Set(['26000', '0A000']);

/**
 * `query` for a hot statement: a named prepared statement (parsed and planned once, then only
 * bound and executed) in one call into the engine. Parameters go as text (string, number or
 * null; casts in the SQL give their types); result values come back as text (or null), so use it
 * for statements whose result columns are text. PGlite is one session, so a name is prepared once
 * for the life of the instance (again if the statement was dropped or its plan can no longer be used).
 */
export function pglitePreparedQuery(pglite: PGlite) {
  const prepared = new Set<string>();
  const locks = pglite as unknown as Exclusive;

  async function run(name: string, sql: string, values: (string | null)[]): Promise<Message[]> {
    const parts: Uint8Array[] = [];
    // Close first (not an error when there is none): a Parse that went through before a failed
    // Execute left the name taken without our knowing.
    if (!prepared.has(name)) parts.push(serialize.close({ type: 'S', name }), serialize.parse({ name, text: sql }));
    parts.push(
      serialize.bind({ statement: name, values }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    );
    // The same locks as query(): never inside another caller's open transaction, never interleaved.
    const { messages } = await locks._runExclusiveTransaction(() =>
      locks._runExclusiveQuery(() => pglite.execProtocol(Buffer.concat(parts))),
    );
    prepared.add(name);
    return messages as unknown as Message[];
  }

  return async function queryPrepared<T>(name: string, sql: string, params: readonly (string | number | null)[]): Promise<T[]> {
    const values = params.map((p) => (p === null ? null : String(p)));
    let messages: Message[];
    try {
      messages = await run(name, sql, values);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (!code || !PREPARE_AGAIN.has(code) || !prepared.has(name)) throw err;
      prepared.delete(name); // the next run closes and parses it again
      messages = await run(name, sql, values);
    }
    const description = messages.find((m) => m.name === 'rowDescription');
    const columns = ((description?.fields ?? []) as { name: string }[]).map((f) => f.name);
    const rows: T[] = [];
    for (const m of messages) {
      if (m.name !== 'dataRow') continue;
      const fields = m.fields as (string | null)[];
      const row: Record<string, string | null> = {};
      columns.forEach((c, i) => (row[c] = fields[i] ?? null));
      rows.push(row as T);
    }
    return rows;
  };
}
