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
  // Two startup syncs of the sample AgentNode registry, one of the bundled npm mirror (the gateway quickstart).
  await expect(page.getByTestId('sync-run-row').filter({ hasText: 'startup' })).toHaveCount(3);
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
  const registryId = new URL(
    (await page.getByRole('link', { name: 'History' }).first().getAttribute('href')) ?? '',
    'http://x',
  ).searchParams.get('registryId');
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
  // The alert's title is a link to its page too: the tool's own link is the one named exactly.
  await acked.getByRole('link', { name: 'Slack Notifier', exact: true }).click();
  await expect(page).toHaveURL(/\/inventory\//);
});

test('every page and API answer carries the security headers, and no page breaks its CSP', async ({ page }) => {
  const violations: string[] = [];
  // Recorded inside the page: a blocked inline script or style fires this event.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp = [
        ...((window as unknown as { __csp?: string[] }).__csp ?? []),
        `${e.violatedDirective} ${e.blockedURI}`,
      ];
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(m.text())) violations.push(m.text());
  });
  const signIn = await page.goto('/sign-in');
  const headers = signIn!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).not.toContain('unsafe-eval');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // Plain http here: HSTS only goes out over https.
  expect(headers['strict-transport-security']).toBeUndefined();

  await signInAs(page, 'ADMIN');
  const api = await page.request.get('/api/v1/health');
  expect(api.headers()['content-security-policy']).toContain("default-src 'self'");
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  // The machine API skips proxy.ts; next.config.ts gives it the same headers, HSTS over https only.
  expect(api.headers()['strict-transport-security']).toBeUndefined();
  const enforceOverHttps = await page.request.post('/api/v1/enforce', { headers: { 'x-forwarded-proto': 'https' }, data: {} });
  expect(enforceOverHttps.status()).toBe(401);
  expect(enforceOverHttps.headers()['strict-transport-security']).toContain('max-age=');
  expect(enforceOverHttps.headers()['content-security-policy']).toContain('upgrade-insecure-requests');

  for (const path of [
    '/',
    '/inventory',
    '/changes',
    '/compliance',
    '/policies',
    '/enforcement',
    '/monitoring',
    '/registries',
    '/audit',
    '/settings/users',
    '/settings/api-keys',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []), path).toEqual([]);
  }
  // The client still works under the policy: a client component reacts.
  await page.goto('/registries');
  await page
    .getByTestId(`registry-row-${SAMPLE}`)
    .getByRole('button', { name: `Test connection to ${SAMPLE}` })
    .click();
  await expect(page.getByTestId(`registry-row-${SAMPLE}`).getByTestId('connection-result')).toContainText('AgentNode answered');
  expect(violations).toEqual([]);
});

test('a registry URL inside the network is refused with the rule; a key is kept out of sight', async ({ page }) => {
  await signInAs(page, 'ADMIN');
  await page.goto('/registries');
  const form = page.getByRole('form', { name: 'Add registry' });
  await form.getByLabel('Name').fill('Metadata probe');
  await form.getByLabel('Base URL').fill('http://169.254.169.254/latest');
  await form.getByRole('button', { name: 'Add registry' }).click();
  await expect(form.getByRole('alert').first()).toContainText(
    'link-local (cloud metadata) address: registries must be on the public internet',
  );

  await form.getByLabel('Name').fill('Keyed mirror');
  // .invalid never resolves: allowed at save time, checked again at every fetch.
  await form.getByLabel('Base URL').fill('https://registry.example.invalid');
  await form.getByLabel('Settings (JSON, optional)').fill('{"perPage": 20, "apiKey": "ank_in_settings"}');
  await form.getByRole('button', { name: 'Add registry' }).click();
  await expect(form.getByRole('alert').first()).toContainText('put the key in the API key field');
  await form.getByLabel('Settings (JSON, optional)').fill('{"perPage": 20}');
  await expect(form.getByLabel('API key (optional)')).toHaveAttribute('type', 'password');
  await form.getByLabel('API key (optional)').fill('env:E2E_REGISTRY_KEY');
  await form.getByRole('button', { name: 'Add registry' }).click();
  await expect(form.getByRole('status')).toContainText('Registry added.');

  await page.reload();
  await page.getByTestId('registry-row-Keyed mirror').getByRole('link', { name: /Edit/ }).click();
  await expect(page.getByTestId('api-key-masked')).toHaveText('read from env:E2E_REGISTRY_KEY');
  await expect(page.getByLabel('API key (optional)')).toHaveValue('');
  await expect(page.getByLabel('Settings (JSON, optional)')).toHaveValue('{"perPage":20}');
});
