// Page timing in the browser (issue 9 point 5): builds (if needed) and starts the production app on
// a fresh embedded database with the demo data, signs in with Playwright (Debian's chromium) as the
// demo admin and as the auditor, and loads every main page a few times: the pages each role's
// sidebar lists (read from the rendered navigation, so a new page is never forgotten) plus the
// secondary views those pages link to as tabs. Then it grows the catalogue to 10k tools (bench/growth.ts,
// the enforce bench's catalogue) and loads them again.
//
// Per page it prints, p50 and max over BENCH_PAGE_RUNS loads (after one warm-up load, so the
// browser holds the scripts as a signed-in user's does):
//  - server: the document's response time, Navigation Timing responseEnd − requestStart (pages
//    render on the server before they stream, so this is the server's whole work);
//  - usable: from navigation start until the page is usable: its heading is in the DOM, React has
//    hydrated it (the sidebar's links carry their event handlers) and every script, style sheet and
//    client data fetch started by then has arrived. Next's background prefetches of other pages
//    (`_rsc` requests) are not part of this page.
// PASS when every load of every page was usable in under 1 s (BENCH_PAGE_LIMIT_MS) after growth;
// the demo-data figures are printed with PASS/FAIL too. The load average is printed beside each row.
import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Role } from '@prisma/client';
import type { DatabaseTarget } from '@/lib/db/driver';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/demo/demo-users';
import { NAV_ITEMS } from '@/components/layout/nav-items';
import { benchPrelude } from './common';
import { startServer, stopServer, waitForReady } from './enforce-server';
import { growCatalogue } from './growth';

const PORT = Number(process.env.BENCH_PAGES_PORT ?? 3217);
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 3);
const LIMIT_MS = Number(process.env.BENCH_PAGE_LIMIT_MS ?? 1000);
const ROLES: Role[] = (process.env.BENCH_PAGE_ROLES ?? 'ADMIN,AUDITOR').split(',') as Role[];
/** Only pages whose path contains this (e.g. `BENCH_PAGE_ONLY=/risks`), to measure one page while fixing it. */
const ONLY = process.env.BENCH_PAGE_ONLY;
const base = `http://127.0.0.1:${PORT}`;
const load1 = () => loadavg()[0]!.toFixed(1);

/**
 * Views reached from a sidebar page by tabs or buttons rather than from the sidebar itself, keyed
 * by the sidebar page they sit under: measured whenever the role's sidebar lists that page.
 */
const SECONDARY: Record<string, string[]> = {
  '/changes': ['/changes/allowlist'],
  '/risks': ['/risks/publishers', '/risks/registries'],
  '/registries': ['/registries/runs'],
};

/**
 * Runs in every page before its scripts: notes when the main heading appears and when React has
 * hydrated the sidebar (React puts its props on the element), checking once a frame.
 */
const PROBE = `(() => {
  const marks = (window.__benchMarks = {});
  const tick = () => {
    if (marks.heading === undefined && document.querySelector('main h1')) marks.heading = performance.now();
    const link = document.querySelector('nav[aria-label="Main"] a');
    if (marks.hydrated === undefined && link && Object.keys(link).some((k) => k.startsWith('__reactProps$')))
      marks.hydrated = performance.now();
    if (marks.heading === undefined || marks.hydrated === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

interface Visit {
  server: number;
  usable: number;
}

async function signIn(page: Page, role: Role) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  const csrf = await page.request.get(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post(`${base}/api/auth/callback/credentials`, {
    form: { csrfToken, email: user.email, password: DEMO_PASSWORD, json: 'true' },
  });
  if (!res.ok()) throw new Error(`sign-in as ${user.email} answered ${res.status()}`);
}

/** The pages to measure for the signed-in role: its sidebar, then the secondary views under it. */
async function pagesOf(page: Page): Promise<string[]> {
  await page.goto(`${base}/`);
  const hrefs = await page
    .locator('nav[aria-label="Main"] a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  // The sidebar is rendered from NAV_ITEMS; a link the bench cannot place means the navigation moved.
  const unknown = hrefs.filter((h) => !NAV_ITEMS.some((i) => i.href === h));
  if (unknown.length) console.log(`note: sidebar links not in NAV_ITEMS: ${unknown.join(', ')}`);
  const all = hrefs.flatMap((h) => [h, ...(SECONDARY[h] ?? [])]);
  return ONLY ? all.filter((h) => h.includes(ONLY)) : all;
}

async function visit(page: Page, pathname: string): Promise<Visit> {
  const res = await page.goto(`${base}${pathname}`, { waitUntil: 'load', timeout: 120_000 });
  const landed = new URL(page.url()).pathname;
  if (!res || res.status() !== 200 || landed !== pathname) throw new Error(`${pathname} answered ${res?.status()} at ${landed}`);
  await page.waitForFunction(
    () => {
      const m = (window as unknown as { __benchMarks?: { heading?: number; hydrated?: number } }).__benchMarks;
      return m?.heading !== undefined && m.hydrated !== undefined;
    },
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  // Client fetches started on mount; a page that polls never goes idle, hence the bounded wait.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  return page.evaluate(() => {
    const m = (window as unknown as { __benchMarks: { heading: number; hydrated: number } }).__benchMarks;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const ready = Math.max(m.heading, m.hydrated, nav.loadEventEnd);
    // What the page needed: resources started before it was ready, or on mount just after (100 ms),
    // except Next's prefetches of other pages (`_rsc`).
    const needed = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (r) => r.startTime <= ready + 100 && !r.name.includes('_rsc='),
    );
    return {
      server: nav.responseEnd - nav.requestStart,
      usable: Math.max(ready, ...needed.map((r) => r.responseEnd)),
    };
  });
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (x: number) => `${Math.round(x)}`.padStart(6);

/** Measures every page of every role; true when every load was usable within LIMIT_MS. */
async function measure(browser: Browser, title: string, logFile: string): Promise<boolean> {
  console.log(`\n${title}: ${RUNS} loads a page after a warm-up; times in ms from navigation start`);
  console.log(
    `${'role'.padEnd(8)} ${'page'.padEnd(28)} ${'server p50'.padStart(10)} ${'max'.padStart(6)} ${'usable p50'.padStart(10)} ${'max'.padStart(6)}  verdict  load`,
  );
  let ok = true;
  let measured = 0;
  const failing: string[] = [];
  for (const role of ROLES) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(PROBE);
    let page = await context.newPage();
    try {
      await signIn(page, role);
      for (const pathname of await pagesOf(page)) {
        measured++;
        try {
          await visit(page, pathname);
          const visits: Visit[] = [];
          for (let i = 0; i < RUNS; i++) visits.push(await visit(page, pathname));
          const server = visits.map((v) => v.server);
          const usable = visits.map((v) => v.usable);
          const pass = Math.max(...usable) < LIMIT_MS;
          if (!pass) failing.push(`${role} ${pathname}`);
          ok &&= pass;
          console.log(
            `${role.padEnd(8)} ${pathname.padEnd(28)} ${ms(quantile(server, 0.5)).padStart(10)} ${ms(Math.max(...server))} ${ms(quantile(usable, 0.5)).padStart(10)} ${ms(Math.max(...usable))}  ${pass ? 'PASS' : 'FAIL'}     ${load1()}`,
          );
        } catch (err) {
          ok = false;
          failing.push(`${role} ${pathname} (error)`);
          console.log(
            `${role.padEnd(8)} ${pathname.padEnd(28)} ERROR ${(err as Error).message.split('\n')[0]}  (load ${load1()})`,
          );
          // A dead server makes every later page an error: say why and stop.
          if (server && server.exitCode !== null)
            throw new Error(`the app exited (${server.exitCode}); its log ends:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
          // A failed load can leave a navigation pending that would interrupt the next page's.
          await page.close();
          page = await context.newPage();
        }
      }
    } finally {
      await context.close();
    }
  }
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${title}: every main page usable in under ${LIMIT_MS} ms${failing.length ? `; ${failing.length} of ${measured} pages not: ${failing.join(', ')}` : ` (${measured} pages)`}  (load ${load1()})`,
  );
  return ok;
}

let server: ChildProcess | undefined;

async function main() {
  benchPrelude(() => server);
  const tmp = mkdtempSync(path.join(tmpdir(), 'toolledger-bench-pages-'));
  const logFile = path.join(tmp, 'server.log');
  // The app seeds the demo data itself at its first start (TOOLLEDGER_DEMO, instrumentation.ts).
  const target: DatabaseTarget = { kind: 'pglite', dataDir: path.join(tmp, 'pglite') };
  let browser: Browser | undefined;
  try {
    console.log(`building (if needed) and starting the app on port ${PORT} with the demo data (log: ${logFile})…`);
    server = startServer(PORT, target, logFile);
    await waitForReady(base, server, logFile);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const demoOk = await measure(browser, 'demo data', logFile);
    let grownOk = true;
    if (process.env.BENCH_SKIP_GROWTH !== '1') {
      // PGlite has one owner: the app stops while the rows go in.
      await stopServer(server);
      const c = await growCatalogue(target);
      console.log(
        `\nadded bulk rows in ${c.seconds.toFixed(1)} s: now ${c.tools} tools, ${c.versions} versions, ${c.decisions} logged decisions`,
      );
      server = startServer(PORT, target, logFile);
      await waitForReady(base, server, logFile);
      grownOk = await measure(browser, '10k-tool catalogue', logFile);
    }
    // The target is the grown catalogue; the demo-data verdict is printed for information.
    const grownVerdict = process.env.BENCH_SKIP_GROWTH === '1' ? 'not measured (BENCH_SKIP_GROWTH=1)' : grownOk ? 'PASS' : 'FAIL';
    console.log(`\ndemo data: ${demoOk ? 'PASS' : 'FAIL'}; 10k-tool catalogue: ${grownVerdict}`);
    process.exitCode = grownOk && demoOk ? 0 : 1;
  } finally {
    await browser?.close();
    if (server) await stopServer(server);
    server = undefined;
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
