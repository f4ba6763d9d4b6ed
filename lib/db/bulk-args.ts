/**
 * Large raw-query arguments handed to the driver by reference, past Prisma's query engine.
 *
 * Every argument of `$queryRawUnsafe`/`$executeRawUnsafe` crosses Prisma's engine (WASM with the
 * `js` engine) as JSON, and back out to the driver adapter: for the 2.5 MB of COPY text of one
 * 5,000-event batch that cost 60–150 ms of CPU against 4 ms for the same string through the pg
 * pool, and 15–40 ms against 2–9 ms for the batch's 5,000 event ids (measured on this class of
 * machine; it was the largest share of ingest's CPU). So the caller passes a short handle in the
 * value's place, and the adapter's query path (copy-from-stdin.ts patches `performIO`, which
 * transactions use too) puts the value back just before the driver sees it. The handle starts
 * with a NUL character, which PostgreSQL refuses in text: a handle that reached the server
 * unresolved would fail the statement, never store the handle's text.
 */
const PREFIX = '\u0000toolledger-bulk-arg:';

const holder = globalThis as typeof globalThis & { __toolledgerBulkArgs?: { next: number; values: Map<string, unknown> } };
// On globalThis: Next bundles this module into several chunks (the database is opened by one, the
// routes call from others), and every copy must read the same handles.
const state = (holder.__toolledgerBulkArgs ??= { next: 0, values: new Map() });

/**
 * Runs `fn` with a handle for each value, to pass as raw-query arguments in their place; the
 * values are released when `fn` settles.
 */
export async function withBulkArgs<T>(values: readonly unknown[], fn: (handles: string[]) => Promise<T>): Promise<T> {
  const handles = values.map((value) => {
    const handle = `${PREFIX}${state.next++}`;
    state.values.set(handle, value);
    return handle;
  });
  try {
    return await fn(handles);
  } finally {
    for (const h of handles) state.values.delete(h);
  }
}

/** The arguments with every handle replaced by its value (the adapter's side). */
export function resolveBulkArgs(args: readonly unknown[]): unknown[] {
  return args.map((a) => (typeof a === 'string' && a.startsWith(PREFIX) && state.values.has(a) ? state.values.get(a) : a));
}

/** For tests: how many values are held now. */
export const heldBulkArgs = (): number => state.values.size;
