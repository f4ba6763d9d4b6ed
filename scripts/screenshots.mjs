// `npm run screenshots`: the README's screenshots, taken by Playwright from the demo data.
// Starts the app on a fresh embedded database (scripts/e2e-server.mjs: build when needed, seed
// the demo), signs in as the compliance officer, and saves each page at 1440×900 into
// docs/screenshots/. SCREENSHOTS_BASE_URL points it at a server already running instead.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'docs', 'screenshots');
const port = process.env.SCREENSHOTS_PORT ?? process.env.E2E_PORT ?? '3199';
const external = process.env.SCREENSHOTS_BASE_URL;
const base = external ?? `http://localhost:${port}`;
const SHOTS = [
  { file: 'overview.png', path: '/' },
  { file: 'inventory.png', path: '/inventory' },
  { file: 'compliance-matrix.png', path: '/compliance' },
  { file: 'audit-trail.png', path: '/audit' },
];

async function waitForServer(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

const server = external
  ? null
  : spawn(process.execPath, ['scripts/e2e-server.mjs'], { cwd: root, stdio: 'inherit', env: { ...process.env, E2E_PORT: port } });
try {
  await waitForServer(`${base}/sign-in`, 600_000);
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  // Sign in through next-auth's endpoints, as the e2e fixture does.
  const { csrfToken } = await (await page.request.get('/api/auth/csrf')).json();
  const res = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: 'compliance@toolledger.local', password: 'toolledger-demo', json: 'true' },
  });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
  for (const shot of SHOTS) {
    await page.goto(shot.path, { waitUntil: 'networkidle' });
    // Charts animate in; let them settle so the picture is the page a person reads.
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(out, shot.file) });
    console.log(`saved docs/screenshots/${shot.file}`);
  }
  await browser.close();
} finally {
  server?.kill('SIGTERM');
}
