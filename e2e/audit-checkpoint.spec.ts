import { test, expect, signInAs } from './fixtures';

// Issue 7.9: signed checkpoints of the audit chain, shown on the audit page and checked by verify.
test.describe('audit chain checkpoints', () => {
  test('an admin records a checkpoint; verify matches it; the auditor sees it but cannot record one', async ({ page }) => {
    await signInAs(page, 'ADMIN');
    await page.goto('/audit');
    const checkpoint = page.getByTestId('audit-checkpoint');
    await checkpoint.getByRole('button', { name: 'Record checkpoint now' }).click();
    await expect(checkpoint.getByRole('status')).toContainText(/Checkpoint signed at record #\d+/);
    await page.reload();
    await expect(page.getByTestId('audit-checkpoint')).toContainText(
      /Last signed checkpoint: record #\d+.*by admin@toolledger\.local/,
    );
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByTestId('chain-status')).toContainText(/Chain intact.*matches all \d+ signed checkpoints/);

    await signInAs(page, 'AUDITOR');
    await page.goto('/audit');
    await expect(page.getByTestId('audit-checkpoint')).toContainText('Last signed checkpoint');
    await expect(page.getByRole('button', { name: 'Record checkpoint now' })).toHaveCount(0);
  });
});
