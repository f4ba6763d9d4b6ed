import { test, expect, signInAs } from './fixtures';

// Issue 11.6 and 11.3: an admin hands alerts to a SIEM by webhook, and sets event retention per environment.
test.describe('SIEM webhooks and event retention', () => {
  // The test delivery waits up to 10 s for an address that does not answer here.
  test.describe.configure({ timeout: 120_000 });

  test('an admin adds an endpoint (SSRF guard, secret shown once), sends a test and reads the delivery log', async ({ page }) => {
    await signInAs(page, 'ADMIN');
    await page.goto('/settings/webhooks');
    const form = page.getByRole('form', { name: 'Add webhook endpoint' });
    await form.getByLabel('URL').fill('http://169.254.169.254/latest/meta-data');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(form.getByLabel('URL')).toHaveAttribute('aria-invalid', 'true');
    await expect(form).toContainText('link-local');

    // A public address (no DNS on a build machine): saved; unreachable here, so the test is retried.
    const url = `https://93.184.216.34/hooks/toolledger-${Date.now()}`;
    await form.getByLabel('URL').fill(url);
    await form.getByLabel('Event types (optional)').fill('alert.invocation-chain-broken');
    await form.getByLabel('Body').selectOption('OCSF');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = (await page.getByTestId('new-webhook-secret').textContent())!.trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const row = page.getByTestId(`webhook-row-${url}`);
    await expect(row).toContainText('alert.invocation-chain-broken');
    await expect(row).toContainText('OCSF 1.3.0');
    await expect(row).toContainText(secret.slice(-4));

    await row.getByRole('button', { name: 'Send test' }).click();
    await expect(row.getByTestId('webhook-test-result')).toContainText('Not delivered');
    await expect(row.getByTestId('webhook-test-result')).toContainText('will be retried');
    const log = page.getByRole('table', { name: 'Webhook deliveries' });
    const delivery = log.getByRole('row').filter({ hasText: url });
    await expect(delivery).toContainText('webhook.test');
    await expect(delivery).toContainText('pending');

    // Shown once: a reload no longer has it.
    await page.reload();
    await expect(page.getByTestId('new-webhook-secret')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(secret);
  });

  test('an admin sets retention per environment; the auditor reads it without a form', async ({ page }) => {
    await signInAs(page, 'ADMIN');
    await page.goto('/settings/event-retention');
    const staging = page.getByRole('form', { name: 'Retention for Staging' });
    await staging.getByLabel('Days kept for Staging').fill('10');
    await staging.getByRole('button', { name: 'Save' }).click();
    await expect(staging).toContainText('At least 31 days');
    await staging.getByLabel('Days kept for Staging').fill('75');
    await staging.getByRole('button', { name: 'Save' }).click();
    await expect(staging).toContainText('Saved');
    await page.reload();
    await expect(page.getByTestId('retention-STAGING')).toContainText('set ');

    await signInAs(page, 'AUDITOR');
    await page.goto('/settings/event-retention');
    await expect(page.getByTestId('retention-STAGING')).toContainText('75');
    await expect(page.getByRole('form', { name: 'Retention for Staging' })).toHaveCount(0);
  });
});
