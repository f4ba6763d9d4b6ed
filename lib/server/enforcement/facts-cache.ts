import 'server-only';
import type { Database } from '@/lib/db/driver';
import type { FactsSnapshot } from './load-enforcement-facts';

/** The channel the generation trigger notifies (prisma/migrations/…_enforcement_generation). */
export const GENERATION_CHANNEL = 'toolledger_enforcement_generation';
const MAX_ENTRIES = 10_000;

/**
 * Facts snapshots of recent subjects (agent, registry, tool, version), each under the enforcement
 * generation it was read at (ADR 0008). The cache is an optimisation, never the authority: a
 * decision taken on a cached snapshot is written only if its generation is still current at the
 * INSERT (decision-writer.ts), otherwise it is decided again on fresh facts. The NOTIFY that
 * every governing change sends drops the whole cache in every instance, so stale entries rarely
 * reach the INSERT at all; until the process is listening, nothing is cached.
 */
export interface FactsCache {
  get(key: string): FactsSnapshot | undefined;
  set(key: string, snapshot: FactsSnapshot): void;
  /** A write found the generation moved on: everything here is older than that. */
  clear(): void;
}

function createFactsCache(db: Database): FactsCache {
  const map = new Map<string, FactsSnapshot>();
  let listening = false;
  let starting = false;
  const start = () => {
    if (listening || starting) return;
    starting = true;
    db.listen(
      GENERATION_CHANNEL,
      () => map.clear(),
      () => {
        // Connection lost: notifications may be missed from now on, so stop trusting the cache.
        listening = false;
        map.clear();
      },
    ).then(
      () => {
        listening = true;
        starting = false;
      },
      (err: unknown) => {
        starting = false;
        console.warn('[enforce] cannot listen for governing changes; deciding on fresh facts', err);
      },
    );
  };
  return {
    get(key) {
      if (!listening) {
        start();
        return undefined;
      }
      return map.get(key);
    },
    set(key, snapshot) {
      if (!listening || snapshot.generation === null) return;
      if (map.size >= MAX_ENTRIES) map.clear();
      map.set(key, snapshot);
    },
    clear() {
      map.clear();
    },
  };
}

const caches = new WeakMap<Database, FactsCache>();

export function factsCacheFor(db: Database): FactsCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = createFactsCache(db)));
  return c;
}

export const subjectKey = (s: { agent: string; registry?: string | null; tool: string; version: string }) =>
  `${s.agent}\u0000${s.registry ?? ''}\u0000${s.tool}\u0000${s.version}`;
