import { test, expect } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from '../lib/demo/demo-users';

const LABELS = {
  ADMIN: 'Admin',
  COMPLIANCE_OFFICER: 'Compliance officer',
  SECURITY_REVIEWER: 'Security reviewer',
  AUDITOR: 'Auditor',
} as const;

test.describe('sign-in', () => {
  for (const user of DEMO_USERS.filter((u) => u.email !== 'compliance2@toolledger.local')) {
    test(`signs in and out as ${user.role}`, async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/sign-in/);
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByTestId('current-role')).toHaveText(LABELS[user.role]);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/sign-in/);
      await page.goto('/');
      await expect(page).toHaveURL(/\/sign-in/);
    });
  }

  test('refuses a wrong password with a visible error', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('admin@toolledger.local');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('Sign-in failed: check your email and password.')).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('follows only same-site callbacks after sign-in', async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    // '/.//evil.example' went to evil.example before: its path normalizes to '//evil.example'.
    for (const callback of ['/.//evil.example', '//evil.example']) {
      await page.context().clearCookies();
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callback)}`);
      await page.getByLabel('Email').fill('auditor@toolledger.local');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByTestId('current-role')).toHaveText('Auditor');
      expect(page.url()).toBe(`${baseURL}/`);
    }
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent('/audit?action=user.signedIn')}`);
    await page.getByLabel('Email').fill('auditor@toolledger.local');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/audit\?action=user\.signedIn$/);
    // The sign-ins just made are evidence in the audit trail.
    await expect(page.getByTestId('audit-row').first()).toContainText('auditor@toolledger.local');
  });

  test('blocks an account after repeated failures and says when to try again', async ({ page }) => {
    test.setTimeout(120_000);
    const email = `target-${Date.now()}@example.test`;
    await page.goto('/sign-in');
    const submit = page.getByRole('button', { name: 'Sign in', exact: true });
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(`guess number ${i}`);
      await submit.click();
      await expect(submit).toBeEnabled({ timeout: 20_000 });
      const expected = i < 4 ? 'Sign-in failed: check your email and password.' : 'Too many attempts: try again in 15 minutes.';
      await expect(page.getByText(expected)).toBeVisible();
    }
  });

  test('shows field errors for a malformed email', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
  });
});
