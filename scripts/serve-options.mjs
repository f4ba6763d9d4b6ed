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
