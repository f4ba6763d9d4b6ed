import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { prismaLimiter } from './prisma-limiter';

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

interface KeyState {
  windowEndsAt: number;
  /** The count across all instances as the database last told us (our own flushed requests included). */
  synced: number;
  /** Requests this instance allowed since its last flush. */
  pending: number;
  flushing: boolean;
  warned: boolean;
}

/**
 * A per-key request limit shared by every app instance, cheap enough for the enforce hot path:
 * a request only touches an in-process counter; once per `syncMs` per busy key, the instance adds
 * what it allowed to rate-limiter-flexible's database counter (the same `RateLimitCounter` table
 * as the sign-in limits) and learns the global count back. The price is accuracy: instances can
 * together overshoot the limit by what they allow within one sync interval.
 */
export class SharedWindowLimiter {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly db: () => Promise<PrismaClient>,
    readonly spec: { keyPrefix: string; points: number; durationSeconds: number; syncMs?: number },
  ) {}

  take(key: string, now = Date.now()): TakeResult {
    let s = this.keys.get(key);
    if (!s) this.keys.set(key, (s = { windowEndsAt: 0, synced: 0, pending: 0, flushing: false, warned: false }));
    if (now >= s.windowEndsAt) {
      s.windowEndsAt = now + this.spec.durationSeconds * 1000;
      s.synced = 0;
      s.warned = false;
    }
    if (s.synced + s.pending >= this.spec.points) {
      if (!s.warned) {
        s.warned = true;
        console.warn(`[security] rate limit reached for ${this.spec.keyPrefix}:${key}`);
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((s.windowEndsAt - now) / 1000)) };
    }
    s.pending += 1;
    if (!s.flushing) {
      s.flushing = true;
      setTimeout(() => void this.flush(key), this.spec.syncMs ?? 1000).unref?.();
    }
    return { ok: true };
  }

  /** Adds what this instance allowed to the shared counter and adopts the global count and window. */
  async flush(key: string): Promise<void> {
    const s = this.keys.get(key);
    if (!s) return;
    const delta = s.pending;
    s.pending = 0;
    if (delta === 0) {
      s.flushing = false;
      return;
    }
    try {
      const res = await prismaLimiter(await this.db(), this.spec).penalty(key, delta);
      s.synced = res.consumedPoints;
      if (res.msBeforeNext > 0) s.windowEndsAt = Date.now() + res.msBeforeNext;
    } catch (err) {
      // The database being away must not stop the API: count locally until the next flush works.
      s.synced += delta;
      console.error('rate limit sync failed', err);
    } finally {
      s.flushing = false;
      if (s.pending > 0) {
        s.flushing = true;
        setTimeout(() => void this.flush(key), this.spec.syncMs ?? 1000).unref?.();
      }
    }
  }

  /** Flushes every key now (tests, shutdown). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.keys.keys()].map((k) => this.flush(k)));
  }
}
