import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from '../lib/demo/demo-users';

export type DemoRole = 'ADMIN' | 'COMPLIANCE_OFFICER' | 'SECURITY_REVIEWER' | 'AUDITOR';

export function demoUser(role: DemoRole) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  return user;
}

/** Signs in through next-auth's endpoints (not the form: only the sign-in spec uses the form). */
export async function signInAs(page: Page, role: DemoRole | { email: string }) {
  const email = typeof role === 'string' ? demoUser(role).email : role.email;
  const csrf = await page.request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password: DEMO_PASSWORD, json: 'true' },
  });
  expect(res.ok()).toBeTruthy();
}

export const test = base;
export { expect };

/**
 * Moves the e2e server's clock (lib/server/clock.ts) to `days` after real time; 0 puts it back.
 * The file is the one scripts/e2e-server.mjs names; the server reads it on its next call.
 * Tests that move the clock put it back in a `finally` so later specs see real time.
 */
export function moveServerClock(days: number) {
  const port = process.env.E2E_PORT ?? '3100';
  writeFileSync(path.resolve(`.data/e2e-${port}/clock-offset-ms`), String(Math.round(days * 86_400_000)));
}
