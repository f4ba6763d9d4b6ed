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

  test('shows field errors for a malformed email', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
  });
});
