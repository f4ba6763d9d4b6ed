import { test, expect, signInAs } from './fixtures';

// The list kit and the reviewer's findings (issue 10, points 4–7), tried in a real browser
// against the demo data.

test.describe('list pages and navigation', () => {
  test('a bad date in the address is shown inline on every page that filters by date, never a 500', async ({ page }) => {
    await signInAs(page, 'AUDITOR');
    for (const path of ['/enforcement?from=2026-13-01', '/audit?from=2026-02-30']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await expect(page.getByTestId('query-errors')).toContainText('Not a real date');
      await expect(page.locator('#from-error')).toHaveText('Not a real date');
      await expect(page.locator('#from')).toHaveAttribute('aria-describedby', 'from-error');
    }
    // Control characters never reach the database either.
    expect((await page.goto('/audit?actor=%00'))?.status()).toBe(200);
    await expect(page.getByTestId('query-errors')).toContainText('control characters');
  });

  test('the audit trail filters by catalogued action, shows names and collapses long diffs', async ({ page }) => {
    await signInAs(page, 'AUDITOR');
    await page.goto('/audit');
    const action = page.getByLabel('Action');
    await expect(action.locator('option', { hasText: 'Policy updated' })).toHaveCount(1);
    await action.selectOption('policy.created');
    await expect(page).toHaveURL(/action=policy\.created/);
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    for (const text of await page.getByTestId('audit-row').locator('td:nth-child(4)').allInnerTexts())
      expect(text.trim()).toBe('Policy created');
    // A record that has a name shows it, not its id.
    const entity = (await page.getByTestId('audit-entity').first().innerText()).trim();
    expect(entity).toMatch(/policy v\d+/);
    await page.goto('/audit?action=bogus.action');
    await expect(page.getByTestId('query-errors')).toContainText('Not an action the audit trail records');
    // Long before/after values wait behind "Show diff".
    await page.goto('/audit?entityType=Tool');
    const diff = page.getByTestId('audit-diff').first();
    await expect(diff).toBeVisible();
    await expect(diff.getByRole('table')).toBeHidden();
    await diff.getByText('Show diff').click();
    await expect(diff.getByRole('table')).toBeVisible();
  });

  test('the compliance matrix: one status per environment and a summary row that adds up', async ({ page }) => {
    await signInAs(page, 'COMPLIANCE_OFFICER');
    await page.goto('/compliance');
    const summary = page.getByTestId('summary-PRODUCTION');
    await expect(summary).toBeVisible();
    const count = async (s: string) => Number(await page.getByTestId(`summary-PRODUCTION-${s}`).innerText());
    const total = Number(/(\d+) versions?/.exec(await summary.innerText())?.[1]);
    expect((await count('pass')) + (await count('fail')) + (await count('exception'))).toBe(total);
    const cell = page.getByTestId('matrix-row').first().getByTestId('cell-PRODUCTION');
    await expect(cell).toHaveAttribute('data-status', /pass|fail|covered/);
  });

  test('one name and one count for open alerts: sidebar, overview and the alert inbox agree', async ({ page }) => {
    await signInAs(page, 'SECURITY_REVIEWER');
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const sidebar = Number(await nav.getByTestId('nav-count').innerText());
    const overview = Number(
      await page
        .getByRole('link', { name: /Open alerts/ })
        .locator('div')
        .nth(1)
        .innerText(),
    );
    expect(overview).toBe(sidebar);
    await nav.getByRole('link', { name: 'Alerts', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
    await expect(page.getByTestId('result-count')).toHaveText(`${sidebar} alert${sidebar === 1 ? '' : 's'}`);
    await expect(page.getByTestId('alert-row').first().getByText('Open', { exact: true })).toBeVisible();
  });

  test('403 and 404 answer their status inside the dashboard, with the permission in words', async ({ page }) => {
    await signInAs(page, 'AUDITOR');
    const res = await page.goto('/forbidden?need=user%3Amanage');
    expect(res?.status()).toBe(403);
    await expect(page.getByTestId('forbidden-reason')).toHaveText(/may not manage users and roles/);
    await expect(page.getByText('user:manage')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    const missing = await page.goto('/changes/cunknownrequest000000000');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });

  test('each tool page has its own title and a policy status per environment', async ({ page }) => {
    await signInAs(page, 'COMPLIANCE_OFFICER');
    await page.goto('/inventory');
    const links = page.getByTestId('tool-link');
    const names = (await links.allInnerTexts()).slice(0, 2).map((n) => n.trim());
    for (const name of names) {
      await page.goto('/inventory');
      await page.getByTestId('tool-link').filter({ hasText: name }).first().click();
      await expect(page).toHaveTitle(`${name} · Inventory · ToolLedger`);
      for (const env of ['PRODUCTION', 'STAGING', 'DEVELOPMENT'])
        await expect(page.getByTestId(`policy-status-${env}`)).toHaveAttribute('data-status', /pass|fail|exception/);
      await expect(page.getByTestId('policy-status').getByRole('link', { name: 'Request for Production →' })).toBeVisible();
    }
  });

  test('keyboard and phone: a skip link, and a menu instead of the sidebar at 390 px', async ({ page }) => {
    await signInAs(page, 'ADMIN');
    await page.goto('/inventory');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/inventory');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(nav).toBeVisible();
    await nav.getByRole('link', { name: 'Audit trail', exact: true }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(nav).toBeHidden();
  });

  test('the policy history shows no internal document reference, and the favicon is served', async ({ page }) => {
    await signInAs(page, 'AUDITOR');
    await page.goto('/policies/production');
    await expect(page.getByRole('list', { name: 'Policy versions' })).toBeVisible();
    await expect(page.getByText(/ARCHITECTURE/)).toHaveCount(0);
    const icon = await page.request.get('/favicon.ico');
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toMatch(/icon/);
  });
});
