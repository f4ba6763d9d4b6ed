import { test, expect } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from '../lib/demo/demo-users';

const LABELS = { ADMIN: 'Admin', COMPLIANCE_OFFICER: 'Compliance officer', SECURITY_REVIEWER: 'Security reviewer', AUDITOR: 'Auditor' } as const;

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
    for (const callback of ['/.//evil.example', '//evil.example', 'https://evil.example/']) {
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
    const email = `target-${Date.now()}@example.test`;
    await page.goto('/sign-in');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(`guess number ${i}`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByRole('alert')).toHaveText(
        i < 4 ? 'Sign-in failed: check your email and password.' : 'Too many attempts: try again in 15 minutes.',
      );
    }
  });

  test('shows field errors for a malformed email', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
  });
});
