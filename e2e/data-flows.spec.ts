import { test, expect, signInAs } from './fixtures';

// Relies on the demo catalogue and lib/demo/seed-data-flows.ts (maps derived for the tools agents
// use, some confirmed, one reopened for review by a newer version). The officer's journey starts from the last tool by name; the steps hold
// whether the seed mapped it already (an edit) or not (a first map from the derived draft).

test.describe('data flow maps', () => {
  // Several pages and two submits on a shared machine: more room than the default minute.
  test.describe.configure({ timeout: 180_000 });

  // First: the reviewer test below confirms the first derived map it finds, which could be this one.
  test('a map a newer version outgrew shows "needs review" with its reason; confirming it settles the review', async ({
    page,
  }) => {
    // The demo seed maps the version an agent runs; the tool's newest version declares more.
    await signInAs(page, 'AUDITOR');
    await page.goto('/data-flows?status=NEEDS_REVIEW');
    const row = page.getByTestId('data-flow-row').first();
    await expect(row).toHaveAttribute('data-status', 'NEEDS_REVIEW');
    await expect(row).toContainText('Needs review');
    await expect(row).toContainText(/rose from|New allowed host/);
    const name = (await row.getByRole('link').first().textContent())!.trim();
    await row.getByRole('link').first().click();
    await expect(page.getByTestId('map-status')).toContainText('Needs review');
    const review = page.getByTestId('map-review');
    await expect(review).toContainText(/Version \S+ declares more than the version this map was written for/);
    await expect(review.getByRole('list', { name: 'Why the map needs review' }).getByRole('listitem').first()).toContainText(
      /rose from \w+ to|New allowed host/,
    );
    // The auditor reads the reason but changes nothing.
    await expect(page.getByRole('button', { name: /Confirm|Derive|Save/ })).toHaveCount(0);
    await expect(page.getByTestId('flow-version').first()).toContainText('Needs review: in version');

    // The security reviewer confirms the redrafted map through the usual button: the review is settled.
    await signInAs(page, 'SECURITY_REVIEWER');
    await page.goto(`/data-flows?status=NEEDS_REVIEW&q=${encodeURIComponent(name)}`);
    await page.getByTestId('data-flow-row').first().getByRole('link').first().click();
    await page.getByRole('button', { name: 'Confirm the derived map' }).click();
    await expect(page.getByTestId('map-status')).toContainText('confirmed by Sam Security');
    await expect(page.getByTestId('map-review')).toHaveCount(0);
    await page.goto(`/data-flows?status=NEEDS_REVIEW&q=${encodeURIComponent(name)}`);
    await expect(page.getByTestId('data-flow-row')).toHaveCount(0);
  });

  test('an officer maps a tool’s data flow: the diagram shows it and the subprocessor register picks it up', async ({ page }) => {
    const host = `crm-${Date.now()}.example.com`;
    await signInAs(page, 'COMPLIANCE_OFFICER');
    await page.goto('/inventory?sort=name&dir=desc');
    const link = page.getByTestId('tool-link').first();
    const name = (await link.textContent())!.trim();
    await link.click();
    const card = page.getByTestId('tool-data-flow');
    await expect(card).toBeVisible();
    await card.getByRole('link').click();
    await expect(page).toHaveURL(/\/data-flows\/[^/?]+$/);
    await expect(page.getByTestId('flow-diagram')).toBeVisible();

    // A new destination: an external API at a malformed host is a form error beside the field.
    await page.getByRole('button', { name: 'Add destination' }).click();
    const row = page.getByTestId('destination-row').last();
    const hostField = row.getByLabel(/^Destination \d+ host$/);
    await hostField.fill(`https://${host}/v1`);
    await page.getByRole('button', { name: 'Save and confirm the map' }).click();
    await expect(row.getByRole('alert')).toContainText('without https://');
    await expect(hostField).toBeFocused();

    await hostField.fill(host);
    await page.getByRole('button', { name: 'Save and confirm the map' }).click();
    // Saved: the page shows the new version, confirmed by the officer who mapped it (the form
    // starts afresh from it, so its own "saved" line goes with the old form).
    await expect(page.getByTestId('map-status')).toContainText('confirmed by Carla Compliance');
    // The diagram draws the host as an external destination.
    const external = page
      .getByTestId('flow-diagram')
      .locator('[data-testid="flow-node"][data-external="true"]', { hasText: host });
    await expect(external).toBeVisible();
    await expect(page.getByTestId('subprocessor-card')).toContainText(host);
    await expect(page.getByTestId('flow-version').first()).toContainText('by Carla Compliance');

    // The subprocessor register and the inventory filter pick it up.
    await page.goto(`/subprocessors?q=${encodeURIComponent(host)}`);
    await expect(page.getByTestId('subprocessor-row')).toHaveCount(1);
    await expect(page.getByTestId('subprocessor-row')).toContainText(name);
    await expect(page.getByTestId('subprocessor-row')).toContainText(host);
    await page.goto(`/inventory?subprocessor=yes&q=${encodeURIComponent(name)}`);
    await expect(page.getByTestId('tool-link').filter({ hasText: name }).first()).toBeVisible();
  });

  test('a security reviewer confirms a derived map; the auditor reads maps and diagrams with no form', async ({ page }) => {
    await signInAs(page, 'SECURITY_REVIEWER');
    await page.goto('/data-flows?status=DERIVED');
    const derived = page.getByTestId('data-flow-row').first();
    const name = (await derived.getByRole('link').first().textContent())!.trim();
    await derived.getByRole('link').first().click();
    await expect(page.getByRole('form', { name: 'Data flow map' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Confirm the derived map' }).click();
    await expect(page.getByTestId('map-status')).toContainText('confirmed by Sam Security');

    await signInAs(page, 'AUDITOR');
    await page.goto(`/data-flows?q=${encodeURIComponent(name)}`);
    await page.getByTestId('data-flow-row').first().getByRole('link').first().click();
    await expect(page.getByTestId('flow-diagram')).toBeVisible();
    await expect(page.getByTestId('flow-node').first()).toBeVisible();
    await expect(page.getByRole('form', { name: 'Data flow map' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Confirm|Derive|Save/ })).toHaveCount(0);
  });
});
