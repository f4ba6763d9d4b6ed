import { expect, signInAs, test } from './fixtures';

// Issue 13: the controls view, read by the auditor (scoped to their audits' criteria, ADR 0010).
test('the auditor sees each criterion of their audit with its live state, the records behind it and the signing key', async ({
  page,
}) => {
  await signInAs(page, 'AUDITOR');
  await page.goto('/controls');
  await expect(page.getByRole('heading', { name: 'Controls' })).toBeVisible();
  const cc61 = page.getByTestId('control-CC6.1');
  await expect(cc61).toContainText('Logical access security');
  await expect(cc61).toContainText(/OK|Gap|Stale/);
  // The demo audit's criteria do not include CC9.2: the auditor is not shown it.
  await expect(page.getByTestId('control-CC9.2')).toHaveCount(0);
  await expect(page.getByTestId('control-totals')).toContainText(/\d+ ok · \d+ stale · \d+ gap/);
  await expect(page.getByText(/^SHA-256 ([0-9a-f]{4} ){15}[0-9a-f]{4}$/)).toBeVisible();
});

test('the compliance officer sees every criterion, subprocessors kept under CC9.2', async ({ page }) => {
  await signInAs(page, 'COMPLIANCE_OFFICER');
  await page.goto('/controls');
  await expect(page.getByTestId('control-CC9.2')).toContainText(/Subprocessors: \d+/);
});
