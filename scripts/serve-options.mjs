// How `npm start` serves the app: demo mode and the address to listen on, decided before
// `next start` runs, because Next forces NODE_ENV=production on the server it starts, which
// would hide from lib/env.ts whether the operator asked for production.

/**
 * The same default as lib/env.ts demoModeOf(): demo only with the embedded database outside
 * production, unless TOOLLEDGER_DEMO says otherwise.
 * @param {Record<string, string | undefined>} env
 */
export function demoModeOf(env) {
  if (env.TOOLLEDGER_DEMO === 'true' || env.TOOLLEDGER_DEMO === 'false') return env.TOOLLEDGER_DEMO === 'true';
  return !env.DATABASE_URL && env.NODE_ENV !== 'production';
}

/**
 * A demo instance has accounts with a published password: it listens on loopback only unless
 * HOST (or HOSTNAME_BIND) names an address explicitly. HOSTNAME is not read: Docker and many
 * shells set it to the machine's name, which is no one's decision to expose the demo.
 * @param {Record<string, string | undefined>} env
 * @returns {{ demo: boolean, host: string | undefined, serverEnv: Record<string, string | undefined> }}
 */
export function serveOptions(env) {
  const demo = demoModeOf(env);
  const host = env.HOST || env.HOSTNAME_BIND || (demo ? '127.0.0.1' : undefined);
  return { demo, host, serverEnv: { ...env, TOOLLEDGER_DEMO: demo ? 'true' : 'false' } };
}

/**
 * Node's flags for the server process. On the embedded database the server holds PGlite's memory
 * too (its PostgreSQL's 128 MB of shared buffers are fixed inside the WASM build), and evidence
 * packs are built in this process (issue 13: a pack's build under 512 MiB at its peak). There V8 is
 * asked to keep its heap close to what is live: 4 MiB semi-spaces instead of 16, a heap that grows
 * by 30 % past the live size after a full collection instead of up to four times, and `gc` exposed
 * so the pack builder collects between steps (lib/server/evidence/builds/collect-garbage.ts).
 * Measured on the same 250k / 500k / 1M-event databases: build peaks 512–559 → 410–460 MiB at the
 * same build time. With DATABASE_URL the database's memory is not this process's, and ingest at
 * rate (issue 11) keeps V8's defaults.
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function serverNodeArgs(env) {
  return env.DATABASE_URL ? [] : ['--max-semi-space-size=4', '--heap-growing-percent=30', '--expose-gc'];
}

/**
 * glibc's settings for the server process on the embedded database, beside serverNodeArgs: buffers of
 * 64 KiB and more (PGlite's result buffers, the archive's chunks in a pack build) are mapped and handed
 * back to the system when freed, instead of staying in malloc's arenas as resident memory after V8 has
 * let them go. Measured on the same 250k-event database: builder peaks 435–501 → 365–430 MiB, builds
 * ~15 % slower. With DATABASE_URL nothing is set.
 * @param {Record<string, string | undefined>} env
 * @returns {Record<string, string>}
 */
export function serverMallocEnv(env) {
  return env.DATABASE_URL ? {} : { MALLOC_MMAP_THRESHOLD_: '65536', MALLOC_TRIM_THRESHOLD_: '131072' };
}
