import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = {
  '@/': `${root}/`,
  // lib/server modules mark themselves server-only; in tests they run in plain Node.
  'server-only': `${root}/lib/testing/empty-module.ts`,
};

const PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

export default defineConfig(async () => {
  // On CI the PostgreSQL suite must run: never skipped, it fails when the server is missing.
  const withPostgres = process.env.CI === 'true' || (await reachable(PG_ADMIN_URL));
  const integration = ['lib/**/*.int.test.ts', 'bench/**/*.int.test.ts'];
  // Integration tests sync from fixture registries on loopback: allowed the way an operator
  // allows an internal mirror. The SSRF tests clear it to see the check refuse.
  const fixtureHosts = { TOOLLEDGER_ALLOWED_REGISTRY_HOSTS: '127.0.0.1' };
  return {
    resolve: { alias },
    test: {
      projects: [
        {
          resolve: { alias },
          test: {
            name: 'unit',
            include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts'],
            exclude: integration,
            environment: 'node',
          },
        },
        {
          resolve: { alias },
          test: {
            name: 'pglite',
            include: integration,
            environment: 'node',
            env: { TEST_DB: 'pglite', ...fixtureHosts },
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
        ...(withPostgres
          ? [
              {
                resolve: { alias },
                test: {
                  name: 'postgres',
                  include: integration,
                  environment: 'node',
                  env: { TEST_DB: 'postgres', TEST_PG_ADMIN_URL: PG_ADMIN_URL, ...fixtureHosts },
                  testTimeout: 30_000,
                  hookTimeout: 60_000,
                },
              },
            ]
          : []),
      ],
    },
  };
});
