import type { Browser, Page } from '@playwright/test';
import { DEMO_API_KEYS } from '../lib/demo/demo-api-keys';
import { DEMO_PASSWORD } from '../lib/demo/demo-users';
import { test, expect, moveServerClock, signInAs, type DemoRole } from './fixtures';

// Journey (issue 14): an admin opens an audit and assigns an auditor; inside the window the
// auditor draws a seeded sample of 10 change requests, redraws it with the same seed, flags an
// item; the officer answers, the auditor accepts; every view is in the audit trail; once the
// window closes the auditor sees nothing.
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

async function as(browser: Browser, who: DemoRole | { email: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, who);
  return page;
}

async function drawSample(page: Page, auditUrl: string, seed: string): Promise<string[]> {
  await page.goto(`${auditUrl}/populations/changeRequests`);
  const form = page.getByRole('form', { name: 'Draw a sample' });
  await form.getByLabel('Seed').fill(seed);
  await form.getByLabel('Sample size').fill('10');
  await form.getByRole('button', { name: 'Draw sample' }).click();
  // The sample opens after the action: under a loaded machine that navigation can take a while.
  await expect(page).toHaveURL(/\/samples\//, { timeout: 30_000 });
  await expect(page.getByTestId('sample-seed')).toHaveText(seed);
  const items = page.getByTestId('sample-item');
  await expect(items).toHaveCount(10);
  return items.locator('h2 .font-mono').allTextContents();
}

test('audit for Q1: scoped, time-boxed auditor samples with a seed, flags, the officer answers, all in the trail', async ({
  browser,
}) => {
  test.setTimeout(480_000); // a long journey; under a loaded machine each page can take seconds
  const admin = await as(browser, 'ADMIN');
  const stamp = Date.now();
  const email = `q1-auditor-${stamp}@example.test`;
  const created = await admin.request.post('/api/users', {
    data: { name: `Quinn Auditor ${stamp}`, email, role: 'AUDITOR', password: DEMO_PASSWORD },
  });
  expect(created.status()).toBe(201);

  // Ten agents' installs of tools the inventory does not know: each opens a change request.
  for (let i = 0; i < 10; i++) {
    const res = await admin.request.post('/api/v1/enforce', {
      headers: { authorization: `Bearer ${DEMO_API_KEYS.ENFORCE}` },
      data: { agent: 'support-agent-prod-01', tool: `audit-e2e-${stamp}-${i}`, version: '1.0.0', action: 'install' },
    });
    expect(res.status()).toBe(200);
  }

  await admin.goto('/audits');
  const create = admin.getByRole('form', { name: 'Create audit' });
  await create.getByLabel('Name').fill(`Q1 ${stamp}`);
  await create.getByLabel('Audit firm').fill('Example Assurance LLP');
  await create.getByLabel('Period from (UTC)').fill(day(-89));
  await create.getByLabel('Period to (UTC, inclusive)').fill(day(0));
  await create.getByLabel('Auditor access opens').fill(day(0));
  await create.getByLabel('Auditor access closes (day excluded)').fill(day(30));
  for (const env of ['Production', 'Staging', 'Development']) await create.getByLabel(env).check();
  await create.getByLabel('CC8.1').check();
  await create.getByRole('button', { name: 'Create audit' }).click();
  // Bad input first would be a form error; here it goes through to the audit's page.
  await expect(create.getByText('Assign at least one auditor')).toBeVisible();
  await create.getByLabel(`Quinn Auditor ${stamp} (${email})`).check();
  await create.getByRole('button', { name: 'Create audit' }).click();
  await expect(admin).toHaveURL(/\/audits\/[a-z0-9]+$/, { timeout: 30_000 });
  const auditUrl = new URL(admin.url()).pathname;
  const auditId = auditUrl.split('/').pop()!;

  const auditor = await as(browser, { email });
  try {
    await auditor.goto('/audits');
    await auditor.getByRole('link', { name: `Q1 ${stamp}` }).click();
    await expect(auditor.getByRole('heading', { name: `Q1 ${stamp}`, level: 1 })).toBeVisible();
    // Another audit (the demo one) is not theirs.
    await auditor.goto('/audits');
    await expect(auditor.getByTestId('audit-row')).toHaveCount(1);

    const first = await drawSample(auditor, auditUrl, `q1-${stamp}`);
    const again = await drawSample(auditor, auditUrl, `q1-${stamp}`);
    expect(again).toEqual(first);
    // A malformed seed and a sample larger than the population are form errors.
    await auditor.goto(`${auditUrl}/populations/changeRequests`);
    const form = auditor.getByRole('form', { name: 'Draw a sample' });
    await form.getByLabel('Seed').fill('two words');
    await form.getByLabel('Sample size').fill('100000');
    await form.getByRole('button', { name: 'Draw sample' }).click();
    await expect(form.getByText(/no spaces/)).toBeVisible();
    await form.getByLabel('Seed').fill('ok-seed');
    await form.getByRole('button', { name: 'Draw sample' }).click();
    await expect(form.getByText(/cannot be larger/)).toBeVisible();

    // The criterion's workspace: the control, how it is evidenced, its state, the records behind it.
    await auditor.goto(auditUrl);
    await auditor.getByTestId('audit-criteria').getByRole('link', { name: 'CC8.1' }).click();
    await expect(auditor).toHaveURL(/\/criteria\/CC8\.1$/);
    const criterionUrl = new URL(auditor.url()).pathname;
    await expect(auditor.getByRole('heading', { level: 1 })).toContainText('CC8.1');
    await expect(auditor.getByTestId('criterion-state')).toHaveAttribute('data-state', /ok|gap|stale/);
    await expect(auditor.getByTestId('population-count-changeRequests')).toContainText(/\d+ change requests/);
    await expect(auditor.getByTestId('criterion-population')).toHaveCount(3);
    // A page outside the portal while the audit is open: scoped to it, and logged as the auditor's view.
    await auditor.goto('/changes');
    await expect(auditor.getByRole('heading', { level: 1 })).toBeVisible();

    // Flag one sampled item.
    await auditor.goto(`${auditUrl}`);
    await auditor.getByTestId('samples').getByRole('link').first().click();
    const sampleUrl = new URL(auditor.url()).pathname;
    const item = auditor.getByRole('form', { name: `Request or flag ${first[0]}` });
    await item.getByLabel('Comment').fill('No security-stage approval is visible for this change.');
    await item.getByRole('button', { name: 'Send' }).click();
    await expect(auditor).toHaveURL(/\/requests\//, { timeout: 30_000 });
    await expect(auditor.getByTestId('request-state')).toHaveText('Open');
    const requestUrl = new URL(auditor.url()).pathname;

    const officer = await as(browser, 'COMPLIANCE_OFFICER');
    await officer.goto(requestUrl);
    const answer = officer.getByRole('form', { name: 'Answer the request' });
    await answer.getByLabel('Answer').fill('Opened by the enforcement API; it awaits compliance review, nothing was deployed.');
    await answer.getByRole('button', { name: 'Send answer' }).click();
    await expect(officer.getByTestId('request-state')).toHaveText('Answered');

    await auditor.reload();
    await auditor.getByRole('button', { name: 'Accept the answer' }).click();
    await expect(auditor.getByTestId('request-state')).toHaveText('Accepted');

    // Every view, the samples and the request are in the audit's activity (the trail's audit filter).
    await admin.goto('/audit');
    await admin.getByLabel('Audit', { exact: true }).selectOption({ label: `Q1 ${stamp}` });
    await expect(admin).toHaveURL(new RegExp(`engagement=${auditId}`));
    const rows = admin.getByTestId('audit-row');
    for (const label of [
      'Audit page viewed',
      'Audit sample drawn',
      'Audit request opened',
      'Audit request answered',
      'Audit request accepted',
    ])
      await expect(rows.filter({ hasText: label }).first()).toBeVisible();
    await expect(
      rows
        .filter({ hasText: 'Audit page viewed' })
        .filter({ hasText: `Quinn Auditor ${stamp}` })
        .first(),
    ).toBeVisible();
    // Each page the auditor opened, by its path, inside the portal and out.
    for (const path of [`${auditUrl}/populations/changeRequests`, criterionUrl, sampleUrl, requestUrl])
      await expect(rows.filter({ hasText: path }).first(), path).toBeAttached();
    await expect(rows.filter({ hasText: 'Page viewed by an auditor' }).filter({ hasText: '/changes' }).first()).toBeAttached();

    // The window closes: the auditor sees nothing but that fact, and the attempt is logged.
    moveServerClock(31);
    await auditor.goto(auditUrl);
    await expect(auditor.getByTestId('no-access')).toContainText('Your access to this audit has closed');
    await auditor.goto('/changes');
    await expect(auditor).toHaveURL(/\/audits$/);
    await expect(auditor.getByTestId('no-access')).toContainText('No audit is open to you now');
    const refused = await auditor.request.get(`/api/audits/${auditId}/populations/changeRequests/export`);
    expect(refused.status()).toBe(403);
  } finally {
    moveServerClock(0);
  }
  await admin.goto(`/audit?engagement=${auditId}`);
  await expect(admin.getByTestId('audit-row').filter({ hasText: 'Audit access refused' }).first()).toBeVisible();
});
