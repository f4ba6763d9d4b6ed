import 'server-only';
import { z } from 'zod';
import type { Database } from '@/lib/db/driver';
import { getDatabase } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { forbidden } from '@/lib/server/errors';
import { parseInput, type OperationCall } from '@/lib/server/operation';
import { GENERATION_CHANNEL } from './facts-cache';

/** Long enough to spare gateways a request a second, short enough for proxies' idle timeouts. */
export const GENERATION_WAIT_MS = 25_000;
/** When NOTIFY is not available the wait re-reads the counter this often. */
const POLL_MS = 250;

export const ZGenerationWatch = z.object({
  after: z
    .string()
    .regex(/^\d{1,19}$/, 'after must be a generation number')
    .optional(),
});

function assertMayEnforce(actor: Actor): void {
  if (actor.type === 'SYSTEM') return;
  if (actor.type === 'API_KEY' && actor.scopes.includes('ENFORCE')) return;
  throw forbidden('Only an API key with the enforce scope watches the enforcement generation');
}

async function readGeneration(db: Database): Promise<string> {
  const [row] = await db.query<{ value: string }>(`SELECT "value"::text AS value FROM "EnforcementGeneration" WHERE "id" = 1`);
  return row?.value ?? '0';
}

const waiters = new WeakMap<Database, { listening: boolean; wake: Set<() => void> }>();

/** One NOTIFY subscription per process wakes every waiting watch (and facts-cache has its own). */
function signalOf(db: Database) {
  let s = waiters.get(db);
  if (!s) {
    const signal = { listening: false, wake: new Set<() => void>() };
    waiters.set(db, (s = signal));
    db.listen(
      GENERATION_CHANNEL,
      () => signal.wake.forEach((w) => w()),
      () => (signal.listening = false),
    ).then(
      () => (signal.listening = true),
      () => (signal.listening = false),
    );
  }
  return s;
}

/**
 * The gateway's cache guard (`GET /api/v1/enforce/generation?after=N`): answers at once with the
 * current enforcement generation when it is not N, else waits until a governing change commits
 * (NOTIFY, or a re-read every 250 ms without it) or 25 s pass. A gateway holds one of these open
 * and drops its cached allows the moment the answer differs, so a quarantine, a revocation or an
 * expired exception reaches it as fast as it reaches the enforcement API's own cache.
 */
export async function waitForGenerationChange(
  { actor, input }: OperationCall<unknown>,
  signal?: AbortSignal,
): Promise<{ generation: string }> {
  assertMayEnforce(actor);
  const { after } = parseInput(ZGenerationWatch, input);
  const db = await getDatabase();
  const s = signalOf(db);
  const deadline = Date.now() + GENERATION_WAIT_MS;
  for (;;) {
    const generation = await readGeneration(db);
    if (after === undefined || generation !== after || Date.now() >= deadline || signal?.aborted) return { generation };
    await new Promise<void>((resolve) => {
      const wake = () => {
        s.wake.delete(wake);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(wake, s.listening ? Math.max(0, deadline - Date.now()) : POLL_MS);
      s.wake.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }
}
