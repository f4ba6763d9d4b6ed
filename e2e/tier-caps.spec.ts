import { test, expect, signInAs } from './fixtures';

// Issue 8 (4): AgentNode caps a tier beyond its score. The demo catalogue (sample-registry/
// demo-catalog.ts) has Weather Lookup's latest version scoring 92 in a mock-mode run.
test.describe('AgentNode tier caps', () => {
  test('a mock-mode run scoring 92 is Partial in the matrix, fails production, and the tool page says why', async ({ page }) => {
    // The officer: an auditor's matrix holds only the tools in use inside their audits (ADR 0010),
    // which this demo tool is not.
    await signInAs(page, 'COMPLIANCE_OFFICER');
    await page.goto('/compliance?q=Weather%20Lookup');
    const row = page.getByTestId('matrix-row').filter({ has: page.getByTestId('matrix-tool-Weather Lookup') });
    await expect(row.getByTestId('matrix-tool-Weather Lookup')).toContainText('Partial · 92');
    await expect(row.getByTestId('cell-PRODUCTION')).toHaveAttribute('data-status', 'fail');
    await expect(row.getByTestId('cell-PRODUCTION')).toContainText('below the minimum Gold');

    await row.getByRole('link', { name: 'Weather Lookup' }).click();
    await expect(page).toHaveURL(/\/inventory\/[A-Za-z0-9_-]+$/);
    const latest = page.getByTestId('version').first();
    await expect(latest.getByTestId('tier-cap').first()).toContainText('capped from Gold: mock-mode run');
    const record = latest.getByTestId('verification-record').first();
    await expect(record).toContainText('Partial');
    await expect(record.getByTestId('tier-cap')).toContainText('capped from Gold: mock-mode run');
    await expect(record).toContainText('registry says “partial”');
  });
});
