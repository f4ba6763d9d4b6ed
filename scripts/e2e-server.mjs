// The app as the end-to-end tests see it: a fresh embedded database in a throw-away folder,
// seeded with the demo data on start, on its own port.
import { rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';

const port = process.env.E2E_PORT ?? '3100';
const dataDir = path.resolve(`.data/e2e-${port}/pglite`);
rmSync(path.dirname(dataDir), { recursive: true, force: true });
// e2e/fixtures.ts moves the server's clock by writing an offset here (lib/server/clock.ts).
const clockFile = path.resolve(`.data/e2e-${port}/clock-offset-ms`);
const child = spawn('node', ['scripts/start.mjs'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    NEXTAUTH_URL: `http://localhost:${port}`,
    TOOLLEDGER_DATA_DIR: dataDir,
    DATABASE_URL: '',
    TOOLLEDGER_TEST_CLOCK_FILE: clockFile,
  },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
