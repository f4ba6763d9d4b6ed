import { test, expect, signInAs } from './fixtures';

// Relies on the demo catalogue and lib/demo/seed-risks.ts (the tools agents use are assessed,
// one review is overdue). The officer's journey starts from the last tool by name, which the
// seed leaves unassessed; the steps hold for a reassessment too.

test.describe('risk assessments', () => {
  // A long journey (six pages, two submits) on a shared machine: more room than the default minute.
  test.describe.configure({ timeout: 180_000 });

  test('an officer assesses a tool from the pre-filled suggestion; the register and its heat map pick it up', async ({
    page,
  }) => {
    await signInAs(page, 'COMPLIANCE_OFFICER');
    await page.goto('/inventory?sort=name&dir=desc');
    const link = page.getByTestId('tool-link').first();
    const name = (await link.textContent())!.trim();
    await link.click();
    const card = page.getByTestId('tool-risk');
    await expect(card).toBeVisible();
    await card.getByRole('link').click();
    await expect(page).toHaveURL(/\/risks\/[^/?]+$/);

    // The suggestion is pre-filled, with its reasons.
    await expect(page.getByTestId('suggestion-likelihood')).toContainText(/Suggested \d, because:.*Tier /s);
    await expect(page.getByTestId('suggestion-impact')).toContainText(/Data classification/);
    const likelihood = page.getByLabel('Likelihood', { exact: true });
    const suggested = Number(await likelihood.inputValue());
    const impact = Number(await page.getByLabel('Impact', { exact: true }).inputValue());
    const chosen = suggested === 5 ? 4 : suggested + 1;

    // Overriding without a reason is a form error naming the field; nothing is recorded.
    await likelihood.selectOption(String(chosen));
    await page.getByLabel('Compensating controls').fill('Egress proxy allowlist; runs in the agent sandbox');
    await page.getByLabel('Risk owner').fill('Support platform team');
    await page.getByLabel('Residual likelihood').selectOption('1');
    const submit = page.getByRole('button', { name: /Record (re)?assessment/ });
    await submit.click();
    const reason = page.getByLabel(`Why ${chosen} instead of the suggested ${suggested}?`);
    await expect(page.getByText(`Say why you override the suggested likelihood (${suggested}) with ${chosen}`)).toBeVisible();
    await expect(reason).toBeFocused();

    await reason.fill('A sibling connector leaked tokens in last quarter’s pen test');
    await submit.click();
    const latest = page.getByTestId('risk-history-entry').first();
    await expect(latest).toContainText(`Overrode the suggested likelihood ${suggested} with ${chosen}`);
    await expect(latest).toContainText('Support platform team');
    await expect(page.getByTestId('current-risk')).toContainText('residual');

    await page.goto(`/risks?q=${encodeURIComponent(name)}`);
    await expect(page.getByTestId('risk-row')).toHaveCount(1);
    await expect(page.getByTestId('risk-row')).toContainText(name);
    await expect(page.getByTestId('heat-inherent').locator(`[data-cell="${chosen}-${impact}"]`)).toHaveText('1');
    await expect(page.getByTestId('heat-residual').locator(`[data-cell="1-${impact}"]`)).toHaveText('1');
  });

  test('the auditor reads the register and an overdue review, and is offered no form', async ({ page }) => {
    await signInAs(page, 'AUDITOR');
    await page.goto('/risks');
    await page.getByRole('checkbox', { name: 'Review overdue' }).check();
    await expect(page).toHaveURL(/overdue=1/);
    const row = page.getByTestId('risk-row').first();
    await expect(row).toContainText('review overdue');
    await row.getByRole('link').click();
    await expect(page.getByTestId('risk-history-entry').first()).toBeVisible();
    await expect(page.getByRole('form', { name: 'Risk assessment' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Record/ })).toHaveCount(0);
  });
});
