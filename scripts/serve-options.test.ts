import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { serveOptions, serverMallocEnv, serverNodeArgs } from './serve-options.mjs';

// Issue 7.1: a demo instance (published password) listens on loopback unless told otherwise.
describe('npm start serve options', () => {
  it.each([
    ['embedded database', {}, true, '127.0.0.1'],
    ['embedded database, HOST set', { HOST: '0.0.0.0' }, true, '0.0.0.0'],
    ['embedded database, HOSTNAME_BIND set', { HOSTNAME_BIND: '10.0.0.5' }, true, '10.0.0.5'],
    ['HOSTNAME (set by Docker and shells) is no decision', { HOSTNAME: 'c0ffee' }, true, '127.0.0.1'],
    ['PostgreSQL', { DATABASE_URL: 'postgresql://db/x' }, false, undefined],
    ['PostgreSQL, demo asked for', { DATABASE_URL: 'postgresql://db/x', TOOLLEDGER_DEMO: 'true' }, true, '127.0.0.1'],
    ['NODE_ENV=production', { NODE_ENV: 'production' }, false, undefined],
    ['embedded database, demo off', { TOOLLEDGER_DEMO: 'false' }, false, undefined],
  ])('%s → demo %s, host %s', (_name, env, demo, host) => {
    const options = serveOptions(env);
    expect([options.demo, options.host]).toEqual([demo, host]);
    // The server (where Next forces NODE_ENV=production) is told the decision explicitly.
    expect(options.serverEnv.TOOLLEDGER_DEMO).toBe(demo ? 'true' : 'false');
    const server = {
      ...options.serverEnv,
      NODE_ENV: 'production',
      NEXTAUTH_SECRET: 's'.repeat(32),
      TOOLLEDGER_ADMIN_EMAIL: 'a@b.co',
      TOOLLEDGER_ADMIN_PASSWORD: 'p'.repeat(12),
      TOOLLEDGER_CHECKPOINT_KEY: 'k'.repeat(32),
    };
    expect(parseEnv(server).demo).toBe(demo);
  });

  it('keeps the server’s heap close to what is live on the embedded database only (it holds PGlite and builds packs)', () => {
    const embedded = ['--max-semi-space-size=4', '--heap-growing-percent=30', '--expose-gc'];
    expect(serverNodeArgs({})).toEqual(embedded);
    expect(serverNodeArgs({ DATABASE_URL: '' })).toEqual(embedded);
    expect(serverNodeArgs({ DATABASE_URL: 'postgresql://db/toolledger' })).toEqual([]);
  });

  it('hands large freed buffers back to the system on the embedded database only', () => {
    expect(serverMallocEnv({})).toEqual({ MALLOC_MMAP_THRESHOLD_: '65536', MALLOC_TRIM_THRESHOLD_: '131072' });
    expect(serverMallocEnv({ DATABASE_URL: 'postgresql://db/toolledger' })).toEqual({});
  });
});
