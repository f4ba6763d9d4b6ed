import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { demoUser, expect, signInAs, test } from './fixtures';

// Journey (issue 13 points 4-5): the compliance officer opens the compliance report from the
// Evidence navigation, narrows it to production, downloads it as a PDF, then downloads the
// governance policy as Markdown and finds the production policy's limits in it.

test('an officer filters the compliance report, downloads its PDF and the governance policy Markdown', async ({ page }) => {
  await signInAs(page, 'COMPLIANCE_OFFICER');

  // What the production policy in force says, as the policy page shows it.
  await page.goto('/policies/production');
  const setting = (field: string) => page.getByTestId(`policy-${field}`).first().innerText();
  const limits = [
    await setting('maxNetwork'),
    await setting('maxFilesystem'),
    await setting('maxCodeExecution'),
    await setting('maxDataAccess'),
  ];
  const exceptionDays = await setting('maxExceptionDays');

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance report' }).click();
  await expect(page).toHaveURL(/\/reports\/compliance$/);
  await expect(page.getByRole('heading', { name: 'Compliance report' })).toBeVisible();
  await expect(page.getByTestId('report-totals')).toContainText('Tools in use');
  const allRows = await page.getByTestId('report-row').count();
  expect(allRows, 'the demo data has tools in use').toBeGreaterThan(0);

  await page.getByLabel('Environment').selectOption('PRODUCTION');
  await expect(page).toHaveURL(/environment=PRODUCTION/);
  await expect(page.getByText('Environment: Production')).toBeVisible();
  const environments = page.getByTestId('report-environments');
  const shown = await environments.count();
  expect(shown).toBeGreaterThan(0);
  for (let i = 0; i < shown; i++) await expect(environments.nth(i)).toContainText('Production');

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-report-pdf').click()]);
  expect(pdf.suggestedFilename()).toMatch(/^toolledger-compliance-report-production-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfBytes = await readFile((await pdf.path())!);
  expect(pdfBytes.length).toBeGreaterThan(0);
  expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Governance policy' }).click();
  await expect(page.getByRole('heading', { name: 'Governance policy', exact: true })).toBeVisible();
  await expect(page.getByTestId('markdown-view')).toContainText('Permission limits');
  const sha256 = (await page.getByTestId('policy-sha256').innerText()).trim();
  expect(sha256).toMatch(/^[0-9a-f]{64}$/);

  const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-policy-md').click()]);
  expect(md.suggestedFilename()).toMatch(/\.md$/);
  const markdown = await readFile((await md.path())!, 'utf8');
  expect(markdown).toContain('# Agent tool governance policy');
  expect(markdown).toContain(`| Production | ${limits.join(' | ')} |`);
  expect(markdown).toContain(`| Production | ${exceptionDays} days |`);
  // The file is the version the page names.
  expect(createHash('sha256').update(markdown, 'utf8').digest('hex')).toBe(sha256);
});

test('the auditor downloads the compliance report of their audits and is refused the live governance policy (ADR 0010)', async ({
  page,
}) => {
  await signInAs(page, 'AUDITOR');
  // The demo audit covers production: the report says so and keeps to it.
  await page.goto('/reports/compliance');
  await expect(page.getByTestId('report-scope')).toContainText('Production');
  const report = await page.request.get('/api/reports/compliance/pdf');
  expect(report.status()).toBe(200);
  expect(report.headers()['content-type']).toBe('application/pdf');
  expect((await report.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The live governance policy is the whole organisation's: refused, page and file, and logged.
  await page.goto('/reports/governance-policy');
  await expect(page.getByText('403')).toBeVisible();
  expect((await page.request.get('/api/reports/governance-policy/pdf')).status()).toBe(403);
  await expect(page.getByRole('link', { name: 'Governance policy' })).toHaveCount(0);
  for (const action of ['complianceReport.downloaded', 'engagement.accessRefused']) {
    await page.goto(`/audit?action=${action}`);
    await expect(page.getByTestId('audit-row').first().getByTestId('audit-actor')).toContainText(demoUser('AUDITOR').name);
  }
});
