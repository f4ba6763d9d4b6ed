/** Raw SQL on one connection (session-level locks hold across calls). */
export interface SqlSession {
  /** Runs SQL that may hold several statements (simple query protocol). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterized query and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}
