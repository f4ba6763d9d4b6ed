import type { Database } from './driver';

/**
 * Runs fn while this process holds a session-level advisory lock on a dedicated connection:
 * another instance asking for the same key waits. fn may use the pool freely (the lock
 * belongs to the session, not to a transaction), so it can run code that opens its own.
 */
export async function withAdvisoryLock<T>(db: Database, key: number, fn: () => Promise<T>): Promise<T> {
  return db.withSession(async (session) => {
    await session.exec(`SELECT pg_advisory_lock(${Math.trunc(key)})`);
    try {
      return await fn();
    } finally {
      await session.exec(`SELECT pg_advisory_unlock(${Math.trunc(key)})`);
    }
  });
}
