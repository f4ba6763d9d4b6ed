import 'server-only';

/**
 * Small positive-only caches for identity lookups on the enforcement path (agent name → id and
 * environment, tool name → id). They hold facts that do not change in normal operation, never
 * security state: installation state, digests, quarantine and exceptions are read fresh on every
 * call. A miss is not cached, so a newly registered agent or tool is seen at once.
 */
const TTL_MS = 10_000;
const MAX = 5_000;

export function createIdentityCache<T>() {
  const map = new Map<string, { at: number; value: T }>();
  return {
    get(key: string): T | undefined {
      const hit = map.get(key);
      if (!hit) return undefined;
      if (Date.now() - hit.at > TTL_MS) {
        map.delete(key);
        return undefined;
      }
      return hit.value;
    },
    set(key: string, value: T): void {
      if (map.size >= MAX) map.clear();
      map.set(key, { at: Date.now(), value });
    },
    clear(): void {
      map.clear();
    },
  };
}
