import { expect, signInAs, test } from './fixtures';

const SAMPLE = 'AgentNode (bundled sample)';

test('an admin syncs the sample registry from the UI, watches it finish and finds the run in the history', async ({ page }) => {
  await signInAs(page, 'ADMIN');
  await page.goto('/registries');
  const row = page.getByTestId(`registry-row-${SAMPLE}`);
  await expect(row).toContainText('46');
  await row.getByRole('button', { name: `Test connection to ${SAMPLE}` }).click();
  // 46 tools in the inventory; AgentNode's search lists 45 (the deprecated one only by its own endpoint).
  await expect(row.getByTestId('connection-result')).toContainText('AgentNode answered: 45 packages listed');

  await row.getByRole('button', { name: `Sync ${SAMPLE} now` }).click();
  const progress = row.getByTestId('sync-progress');
  await expect(progress).toContainText('Succeeded', { timeout: 45_000 });
  // The demo data came in by the startup syncs: this run finds nothing new.
  await expect(progress).toContainText('0 new versions · 0 new records · 0 alerts');

  await page.getByRole('link', { name: 'Sync history' }).click();
  const first = page.getByTestId('sync-run-row').first();
  await expect(first).toContainText('manual');
  await expect(first).toContainText('Succeeded');
  await expect(page.getByTestId('sync-run-row').filter({ hasText: 'startup' })).toHaveCount(2);
});

test('adding a registry with a bad URL shows the error beside the field and keeps the input', async ({ page }) => {
  await signInAs(page, 'ADMIN');
  await page.goto('/registries');
  const form = page.getByRole('form', { name: 'Add registry' });
  await form.getByLabel('Name').fill('Internal mirror');
  await form.getByLabel('Base URL').fill('ftp://mirror');
  await form.getByRole('button', { name: 'Add registry' }).click();
  await expect(form.getByRole('alert').first()).toContainText('Only http:// and https:// registries are supported');
  await expect(form.getByLabel('Name')).toHaveValue('Internal mirror');
});

test('a non-admin gets no sync button and the sync API refuses them', async ({ page }) => {
  await signInAs(page, 'AUDITOR');
  await page.goto('/registries');
  await expect(page.getByTestId(`registry-row-${SAMPLE}`)).toBeVisible();
  await expect(page.getByRole('button', { name: /Sync .* now/ })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Add registry' })).toHaveCount(0);
  const registryId = new URL(await page.getByRole('link', { name: 'History' }).first().getAttribute('href') ?? '', 'http://x').searchParams.get('registryId');
  const res = await page.request.post(`/api/v1/registries/${registryId}/sync`);
  expect(res.status()).toBe(403);
});

test('a security reviewer works the alert inbox: filter by severity, acknowledge, open the tool', async ({ page }) => {
  await signInAs(page, 'SECURITY_REVIEWER');
  await page.goto('/monitoring?state=OPEN&severity=CRITICAL');
  const critical = page.getByTestId('alert-row').filter({ hasText: 're-published with a different artifact' });
  await expect(critical).toHaveCount(1);
  await critical.getByRole('button', { name: /^Acknowledge/ }).click();
  await expect(page.getByTestId('alert-row').filter({ hasText: 're-published with a different artifact' })).toHaveCount(0);
  await page.goto('/monitoring?state=ACKNOWLEDGED');
  const acked = page.getByTestId('alert-row').filter({ hasText: 're-published with a different artifact' });
  await expect(acked).toContainText('acknowledged by');
  await acked.getByRole('link', { name: 'Slack Notifier' }).click();
  await expect(page).toHaveURL(/\/inventory\//);
});
