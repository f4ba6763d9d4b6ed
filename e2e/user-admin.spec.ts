import { test, expect, signInAs } from './fixtures';

test.describe('user administration and audit trail', () => {
  test('admin creates a user with field errors first, changes the role, and the audit trail shows it', async ({ page }) => {
    const email = `new-${Date.now()}@example.test`;
    await signInAs(page, 'ADMIN');
    await page.goto('/settings/users');
    const form = page.getByRole('form', { name: 'Create user' });
    await form.getByLabel('Name').fill('Nora New');
    await form.getByLabel('Email').fill('admin@toolledger.local');
    await form.getByLabel('Initial password').fill('short');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(form.getByText('Use at least 12 characters')).toBeVisible();

    await form.getByLabel('Initial password').fill('a long enough password');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(form.getByText('A user with this email already exists')).toBeVisible();

    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Role').selectOption('SECURITY_REVIEWER');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(form.getByRole('status')).toContainText(`Created ${email}`);

    const row = page.getByTestId(`user-row-${email}`);
    await expect(row).toContainText('Security reviewer');
    await row.getByLabel(`Role of ${email}`).selectOption('COMPLIANCE_OFFICER');
    await row.getByRole('button', { name: 'Save role' }).click();
    await expect(row.getByText('Role saved')).toBeVisible();
    await expect(row).toContainText('Compliance officer');

    await page.goto(`/audit?entityType=User&action=user.roleChanged`);
    const audit = page.getByTestId('audit-row').first();
    await expect(audit).toContainText('admin@toolledger.local');
    await expect(audit).toContainText('Role changed');
    await expect(audit.getByRole('table', { name: 'Changes' })).toContainText('SECURITY_REVIEWER');
    await expect(audit.getByRole('table', { name: 'Changes' })).toContainText('COMPLIANCE_OFFICER');
  });

  test('the users list filters by role and by name or email through the address, and says what it cannot read', async ({
    page,
  }) => {
    await signInAs(page, 'ADMIN');
    await page.goto('/settings/users?role=AUDITOR');
    const rows = page.locator('[data-testid^="user-row-"]');
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allInnerTexts()) expect(text).toContain('Auditor');
    await page.getByRole('form', { name: 'Filter users' }).getByLabel('Name or email').fill('auditor@toolledger');
    await expect(page).toHaveURL(/q=auditor%40toolledger/);
    await expect(rows).toHaveCount(1);
    await expect(page.getByTestId('result-count')).toHaveText('1 user');
    await page.goto('/settings/users?role=ROOT');
    await expect(page.getByTestId('query-errors')).toContainText('role');
    await expect(page.getByTestId('user-row-admin@toolledger.local')).toBeVisible();
  });

  test('the admin cannot demote or deactivate themselves', async ({ page }) => {
    await signInAs(page, 'ADMIN');
    await page.goto('/settings/users');
    const me = page.getByTestId('user-row-admin@toolledger.local');
    await expect(me.getByRole('button', { name: 'Deactivate' })).toBeDisabled();
    await expect(me.getByRole('button', { name: 'Save role' })).toBeDisabled();
  });

  test('the auditor browses and verifies the audit trail but changes nothing', async ({ page }) => {
    await signInAs(page, 'AUDITOR');
    await page.goto('/audit');
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByTestId('chain-status')).toContainText('Chain intact');

    await page.goto('/audit?from=2026-13-45');
    await expect(page.getByText('Not a real date', { exact: true })).toBeVisible();

    await page.goto('/audit?actor=nobody-at-all');
    await expect(page.getByText('No audit records match')).toBeVisible();
  });

  test('any user changes their own password with the current one', async ({ page }) => {
    await signInAs(page, 'ADMIN');
    const email = `pw-${Date.now()}@example.test`;
    expect(
      (
        await page.request.post('/api/users', { data: { name: 'Pat', email, role: 'AUDITOR', password: 'toolledger-demo' } })
      ).status(),
    ).toBe(201);
    await page.request.post('/api/auth/signout', {
      form: { csrfToken: ((await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken },
    });
    await signInAs(page, { email });
    await page.goto('/settings/account');
    const form = page.getByRole('form', { name: 'Change password' });
    await form.getByLabel('Current password', { exact: true }).fill('wrong password');
    await form.getByLabel('New password', { exact: true }).fill('my new long password');
    await form.getByLabel('Repeat the new password').fill('my new long password');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByText('The current password is wrong')).toBeVisible();
    await form.getByLabel('Current password', { exact: true }).fill('toolledger-demo');
    await form.getByRole('button', { name: 'Change password' }).click();
    // Every session ends, this one too: the person signs in again with the new password.
    await expect(page).toHaveURL(/\/sign-in\?notice=password-changed/);
    await expect(page.getByRole('status')).toHaveText('Password changed: sign in with your new password.');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('my new long password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('current-role')).toHaveText('Auditor');
  });

  test('a password reset or role change ends the user’s open sessions at once', async ({ page, browser, baseURL }) => {
    test.setTimeout(120_000);
    const email = `sess-${Date.now()}@example.test`;
    await signInAs(page, 'ADMIN');
    expect(
      (
        await page.request.post('/api/users', { data: { name: 'Sid', email, role: 'AUDITOR', password: 'toolledger-demo' } })
      ).status(),
    ).toBe(201);
    const other = await browser.newContext({ baseURL });
    const victim = await other.newPage();
    await signInAs(victim, { email });
    await victim.goto('/settings/account');
    await expect(victim.getByRole('heading', { name: 'Account' })).toBeVisible();

    await page.goto('/settings/users');
    const row = page.getByTestId(`user-row-${email}`);
    await row.getByRole('button', { name: 'Reset password' }).click();
    await row.getByLabel(`New password for ${email}`).fill('toolledger-demo');
    await row.getByRole('button', { name: 'Set password', exact: true }).click();
    await expect(row.getByText('Password set')).toBeVisible();
    await victim.goto('/settings/account');
    await expect(victim).toHaveURL(/\/sign-in/);

    await signInAs(victim, { email });
    await victim.goto('/');
    await expect(victim.getByTestId('current-role')).toHaveText('Auditor');
    await row.getByLabel(`Role of ${email}`).selectOption('SECURITY_REVIEWER');
    await row.getByRole('button', { name: 'Save role' }).click();
    await expect(row.getByText('Role saved')).toBeVisible();
    await victim.goto('/');
    await expect(victim).toHaveURL(/\/sign-in/);
    await other.close();

    await page.goto(`/audit?entityType=User&action=user.passwordReset`);
    await expect(page.getByTestId('audit-row').first()).toContainText('sessionsEnded');
  });

  test('an admin allows SSO sign-in for a local account, and the audit trail shows it', async ({ page }) => {
    const email = `sso-${Date.now()}@example.test`;
    await signInAs(page, 'ADMIN');
    expect(
      (
        await page.request.post('/api/users', { data: { name: 'Sol', email, role: 'AUDITOR', password: 'toolledger-demo' } })
      ).status(),
    ).toBe(201);
    await page.goto('/settings/users');
    const row = page.getByTestId(`user-row-${email}`);
    await row.getByRole('button', { name: 'Allow SSO sign-in' }).click();
    await expect(row.getByText('SSO link approved')).toBeVisible();
    await expect(row.getByRole('button', { name: 'Allow SSO sign-in' })).toHaveCount(0);
    await page.goto(`/audit?entityType=User&action=user.ssoLinkApproved`);
    await expect(page.getByTestId('audit-row').first()).toContainText('admin@toolledger.local');
  });
});
