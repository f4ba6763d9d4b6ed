import { test, expect, signInAs } from './fixtures';

// Relies on the demo data and lib/demo/seed-vendors.ts: every registry reviewed, the publishers
// of the first tools in use reviewed (one overdue), the other publishers not reviewed yet.

test.describe('vendor reviews of publishers and registries', () => {
  // Several pages and two submits on a shared machine: more room than the default minute.
  test.describe.configure({ timeout: 180_000 });

  test('an officer reviews a publisher from the pre-filled suggestion; the list picks it up', async ({ page }) => {
    await signInAs(page, 'COMPLIANCE_OFFICER');
    await page.goto('/risks');
    await page.getByRole('navigation', { name: 'Risk register views' }).getByRole('link', { name: 'Publishers' }).click();
    await expect(page).toHaveURL(/\/risks\/publishers$/);
    await page.getByRole('combobox', { name: 'Review', exact: true }).selectOption('NOT_REVIEWED');
    await expect(page).toHaveURL(/status=NOT_REVIEWED/);
    const row = page.getByTestId('publisher-row').first();
    const name = (await row.getByRole('link').textContent())!.trim();
    await row.getByRole('link').click();
    await expect(page).toHaveURL(/\/risks\/publishers\/[^/?]+$/);
    await expect(page.getByTestId('current-review')).toContainText('Not reviewed');

    // The suggestion is pre-filled, with its reasons from the publisher's trust level and track record.
    const rating = page.getByTestId('suggestion-rating');
    await expect(rating).toContainText(/Suggested \w+, because:.*Trust level/s);
    await expect(page.getByTestId('suggestion-conclusion')).toContainText(/rating suggests/);
    const select = page.getByLabel('Rating', { exact: true });
    const suggested = await select.inputValue();
    const chosen = suggested === 'CRITICAL' ? 'HIGH' : 'CRITICAL';

    // Overriding the rating without a reason is a form error naming the field; nothing is recorded.
    await select.selectOption(chosen);
    await page.getByLabel('Reviewer’s conclusion').fill('Identity checked against the registry; SOC 2 report requested.');
    await page.getByLabel('Vendor owner').fill('Vendor management');
    const submit = page.getByRole('button', { name: 'Record review' });
    await submit.click();
    await expect(page.getByText(/Say why you override the suggested rating \(\w+\) with \w+/)).toBeVisible();
    const reason = page.getByLabel(/^Why \w+ instead of the suggested \w+\?$/);
    await expect(reason).toBeFocused();
    await expect(page.getByTestId('vendor-history-entry')).toHaveCount(0);

    await reason.fill('The publisher disclosed a leaked signing key last month');
    await submit.click();
    const latest = page.getByTestId('vendor-history-entry').first();
    await expect(latest).toContainText(`Overrode the suggested rating ${suggested.toLowerCase()} with ${chosen.toLowerCase()}`);
    await expect(latest).toContainText('Vendor management');
    await expect(page.getByTestId('current-review')).toContainText('Reviewed');
    // The form now offers the re-review, starting from this one.
    await expect(page.getByRole('button', { name: 'Record re-review' })).toBeVisible();

    await page.goto(`/risks/publishers?q=${encodeURIComponent(name)}`);
    const listed = page.getByTestId('publisher-row').filter({ hasText: name });
    await expect(listed.locator('[data-review-status="CURRENT"]')).toBeVisible();
  });

  test('the auditor reads an overdue publisher review and the registry reviews, and is offered no form', async ({ page }) => {
    await signInAs(page, 'AUDITOR');
    // The overview's work queues are not an audit period's record: an auditor is not shown them (ADR 0010).
    await page.goto('/');
    await expect(page.getByTestId('overdue-reviews')).toHaveCount(0);
    await page.goto('/risks/publishers?status=OVERDUE');
    const row = page.getByTestId('publisher-row').first();
    await expect(row.locator('[data-review-status="OVERDUE"]')).toBeVisible();
    await row.getByRole('link').click();
    await expect(page.getByTestId('vendor-history-entry').first()).toBeVisible();
    await expect(page.getByRole('form', { name: 'Publisher review' })).toHaveCount(0);

    await page.goto('/risks/registries');
    const registry = page.getByTestId('registry-row').first();
    await expect(registry.locator('[data-review-status="CURRENT"]')).toBeVisible();
    await registry.getByRole('link').click();
    await expect(page.getByTestId('vendor-history-entry').first()).toContainText('Verifies:');
    await expect(page.getByRole('form', { name: 'Registry review' })).toHaveCount(0);
  });
});
