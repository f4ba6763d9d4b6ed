import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { RateLimiterPrisma, type RateLimiterRes } from 'rate-limiter-flexible';

export interface LimiterSpec {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  blockDurationSeconds?: number;
}

// One limiter per (database, spec): each sweeps its expired rows every few minutes, so they are
// built once per process; tests that bring their own database get their own.
const limiters = new WeakMap<PrismaClient, Map<string, RateLimiterPrisma>>();

/**
 * rate-limiter-flexible's Prisma store over our own client: the counters live in the
 * `RateLimitCounter` table, so every app instance on the same database shares them, on
 * PostgreSQL and on the embedded PGlite alike.
 */
export function prismaLimiter(db: PrismaClient, spec: LimiterSpec): RateLimiterPrisma {
  let byPrefix = limiters.get(db);
  if (!byPrefix) limiters.set(db, (byPrefix = new Map()));
  let limiter = byPrefix.get(spec.keyPrefix);
  if (!limiter) {
    limiter = new RateLimiterPrisma({
      storeClient: db,
      tableName: 'rateLimitCounter',
      keyPrefix: spec.keyPrefix,
      points: spec.points,
      duration: spec.durationSeconds,
      blockDuration: spec.blockDurationSeconds ?? 0,
    });
    byPrefix.set(spec.keyPrefix, limiter);
  }
  return limiter;
}

/** The library rejects with a RateLimiterRes when over the limit, and with an Error when the store fails. */
export function isLimitReached(err: unknown): err is RateLimiterRes {
  return typeof err === 'object' && err !== null && 'msBeforeNext' in err && !(err instanceof Error);
}
