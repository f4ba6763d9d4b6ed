import 'server-only';
import type { ApiKeyScope } from '@prisma/client';
import { getDatabase, getPrisma } from '@/lib/db/client';
import { hashApiKeySecret } from './api-key-secret';

export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  agentId: string | null;
  agentName: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

// Keys are looked up on every API call; a short in-process cache saves the round trip.
// revokeApiKey clears the entry here at once; other instances see a revocation within CACHE_MS.
const CACHE_MS = 5_000;
const TOUCH_EVERY_MS = 60_000;
const MAX_ENTRIES = 2_000;
const g = globalThis as typeof globalThis & {
  __toolledgerKeyCache?: Map<string, { at: number; record: ApiKeyRecord | null }>;
  __toolledgerKeyTouched?: Map<string, number>;
};
const cache = (g.__toolledgerKeyCache ??= new Map());
const touched = (g.__toolledgerKeyTouched ??= new Map());

const KEY_SQL = `
SELECT k.id, k.name, k.prefix, k.scopes::text[] AS scopes, k."agentId", a.name AS "agentName",
       (extract(epoch FROM k."expiresAt") * 1000)::float8 AS "expiresAtMs", (extract(epoch FROM k."revokedAt") * 1000)::float8 AS "revokedAtMs"
  FROM "ApiKey" k LEFT JOIN "Agent" a ON a.id = k."agentId"
 WHERE k."secretHash" = $1`;

type KeyRow = Pick<ApiKeyRecord, 'id' | 'name' | 'prefix' | 'agentId' | 'agentName'> & {
  scopes: string[] | string;
  expiresAtMs: number | null;
  revokedAtMs: number | null;
};

/** Enum arrays come back as arrays from both drivers once cast to text[]; a literal "{A,B}" is parsed too. */
function parseScopes(value: string[] | string): ApiKeyScope[] {
  const list = Array.isArray(value)
    ? value
    : value
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean);
  return list as ApiKeyScope[];
}

/** The key for a presented secret (revoked and expired keys included: the caller decides), or null. */
export async function findApiKeyBySecret(secret: string): Promise<ApiKeyRecord | null> {
  const hash = hashApiKeySecret(secret);
  const hit = cache.get(hash);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.record;
  // A plain statement, not the ORM: this runs on the API's hot path whenever the cache expires.
  const db = await getDatabase();
  const [row] = await db.query<KeyRow>(KEY_SQL, [hash]);
  const record: ApiKeyRecord | null = row
    ? {
        id: row.id,
        name: row.name,
        prefix: row.prefix,
        agentId: row.agentId,
        agentName: row.agentName,
        scopes: parseScopes(row.scopes),
        // Epoch milliseconds: the columns hold UTC without a time zone (the driver would read local time).
        expiresAt: row.expiresAtMs === null ? null : new Date(Number(row.expiresAtMs)),
        revokedAt: row.revokedAtMs === null ? null : new Date(Number(row.revokedAtMs)),
      }
    : null;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(hash, { at: Date.now(), record });
  return record;
}

export function forgetCachedApiKeys(): void {
  cache.clear();
}

/**
 * Records when a key was last used without a write per request: at most once a minute per key
 * per instance, fire-and-forget (lastUsedAt is informative, not evidence; the decision log is).
 */
export function touchApiKey(id: string, now = Date.now()): void {
  const last = touched.get(id) ?? 0;
  if (now - last < TOUCH_EVERY_MS) return;
  touched.set(id, now);
  void getPrisma()
    .then((p) => p.apiKey.update({ where: { id }, data: { lastUsedAt: new Date(now) } }))
    .catch((err: unknown) => console.error('api key lastUsedAt update failed', err));
}
