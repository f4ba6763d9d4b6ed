/** Raw SQL on one connection (session-level locks hold across calls). */
export interface SqlSession {
  /** Runs SQL that may hold several statements (simple query protocol). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterized query and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * `query` for a statement on a hot path, as a named prepared statement (parsed and planned once
   * per connection; on PGlite also sent in one call into the engine: lib/db/pglite-prepared.ts).
   * One name per SQL text. Parameters are text, numbers or null (give types with casts); result
   * values are text or null on PGlite, so use it for statements whose result columns are text.
   */
  queryPrepared<T = Record<string, unknown>>(
    name: string,
    sql: string,
    params: readonly (string | number | null)[],
  ): Promise<T[]>;
}
