import { test, expect, signInAs, demoUser, type DemoRole } from './fixtures';
import { NAV_ITEMS } from '../components/layout/nav-items';
import { can } from '../lib/auth/permissions';
import { DEMO_PASSWORD } from '../lib/demo/demo-users';

const ROLES: DemoRole[] = ['ADMIN', 'COMPLIANCE_OFFICER', 'SECURITY_REVIEWER', 'AUDITOR'];

test.describe('authorization', () => {
  // One test per (role, page): a failure names exactly which page let whom in, or kept whom out.
  for (const role of ROLES) {
    for (const item of NAV_ITEMS) {
      const allowed = can(role, item.permission);
      const hidden = item.hiddenFor?.includes(role) ?? false;
      test(`${role} ${allowed && !hidden ? 'sees' : 'is refused'} ${item.href}`, async ({ page }) => {
        await signInAs(page, role);
        const res = await page.goto(item.href);
        if (allowed && hidden) {
          // The permission admits the role but the data layer refuses it (ADR 0010): a 403 in place.
          expect(res?.status()).toBe(403);
          await expect(page.getByText('403')).toBeVisible();
          await expect(
            page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: item.label, exact: true }),
          ).toHaveCount(0);
        } else if (allowed) {
          expect(res?.status()).toBe(200);
          await expect(page).not.toHaveURL(/\/forbidden|\/sign-in/);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await expect(
            page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: item.label, exact: true }),
          ).toBeVisible();
        } else {
          await expect(page).toHaveURL(/\/forbidden/);
          await expect(page.getByText('403')).toBeVisible();
          await page.goto('/');
          await expect(
            page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: item.label, exact: true }),
          ).toHaveCount(0);
        }
      });
    }
  }

  test('the auditor is refused a change on the server, and nothing is written', async ({ page }) => {
    await signInAs(page, 'AUDITOR');
    const before = (await (await page.request.get('/api/users')).json()) as { users: { email: string }[] };
    const email = `sneaky-${Date.now()}@example.test`;
    const res = await page.request.post('/api/users', {
      data: { name: 'Sneaky', email, role: 'ADMIN', password: 'a long enough password' },
    });
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'forbidden' });
    const after = (await (await page.request.get('/api/users')).json()) as { users: { email: string }[] };
    expect(after.users).toHaveLength(before.users.length);
    expect(after.users.map((u) => u.email)).not.toContain(email);
    // The UI offers no way either: the users page is read-only for the auditor.
    await page.goto('/settings/users');
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Create user' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Deactivate' })).toHaveCount(0);
  });

  test('signed-out requests are refused', async ({ request }) => {
    expect((await request.get('/api/users')).status()).toBe(401);
    expect((await request.post('/api/users', { data: {} })).status()).toBe(401);
  });

  test('a deactivated user’s open session is bounced to sign-in', async ({ page, browser }) => {
    const email = `leaver-${Date.now()}@example.test`;
    await signInAs(page, 'ADMIN');
    const created = await page.request.post('/api/users', {
      data: { name: 'Leaver', email, role: 'SECURITY_REVIEWER', password: DEMO_PASSWORD },
    });
    expect(created.status()).toBe(201);

    const theirs = await browser.newContext();
    const leaver = await theirs.newPage();
    await signInAs(leaver, { email });
    await leaver.goto('/');
    await expect(leaver.getByTestId('current-user')).toContainText(email);

    await page.goto('/settings/users');
    const row = page.getByTestId(`user-row-${email}`);
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await expect(row.getByText('Deactivated', { exact: true }).first()).toBeVisible();

    await leaver.goto('/');
    await expect(leaver).toHaveURL(/\/sign-in/);
    await theirs.close();
    expect(demoUser('ADMIN').email).not.toBe(email);
  });
});
