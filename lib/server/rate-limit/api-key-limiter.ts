import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { env } from '@/lib/env';
import { SharedWindowLimiter } from './shared-window-limiter';

const g = globalThis as typeof globalThis & { __toolledgerApiKeyLimiter?: SharedWindowLimiter };

/**
 * Requests per API key per minute across all instances (TOOLLEDGER_API_RATE_LIMIT_PER_MINUTE,
 * default 60 000 = 1 000 req/s: far above the 200 req/s an enforcement gateway sends, so only a
 * runaway or stolen key meets it).
 */
export function apiKeyLimiter(): SharedWindowLimiter {
  const points = env().TOOLLEDGER_API_RATE_LIMIT_PER_MINUTE;
  if (g.__toolledgerApiKeyLimiter?.spec.points !== points) {
    g.__toolledgerApiKeyLimiter = new SharedWindowLimiter(getPrisma, { keyPrefix: 'api-key', points, durationSeconds: 60 });
  }
  return g.__toolledgerApiKeyLimiter;
}

/**
 * Sends what this process allowed to the shared counter now, if an API call has used the limiter.
 * Called before a database is closed (tests' teardown), so no sync timer fires into a closed one.
 */
export async function flushApiKeyLimiter(): Promise<void> {
  await g.__toolledgerApiKeyLimiter?.flushAll();
}
