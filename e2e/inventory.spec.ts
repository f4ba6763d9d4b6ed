import { readFile } from 'node:fs/promises';
import { test, expect, signInAs } from './fixtures';

// Relies on the demo catalogue (lib/demo/seed-catalog.ts): dozens of tools across tiers,
// publishers and environments, failed checks and escalating versions. Assertions stay generic.

/** Minimal RFC 4180 reader (quoted fields, doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const totalOf = (text: string | null) =>
  Number(/of (\d+) tools/.exec(text ?? '')?.[1] ?? /(\d+) tools match/.exec(text ?? '')?.[1] ?? 0);

test.describe('inventory', () => {
  test('search and filters narrow the list and live in the URL', async ({ page }) => {
    await signInAs(page, 'AUDITOR');
    await page.goto('/inventory');
    const count = page.getByTestId('result-count');
    const all = totalOf(await count.textContent());
    expect(all).toBeGreaterThan(10);

    await page.getByRole('checkbox', { name: 'Gold' }).check();
    await expect(page).toHaveURL(/tier=GOLD/);
    await expect(page.getByTestId('cell-tier').first()).toBeVisible();
    await expect.poll(async () => totalOf(await count.textContent())).toBeLessThan(all);
    const gold = totalOf(await count.textContent());
    expect(gold).toBeGreaterThan(0);
    expect(gold).toBeLessThan(all);
    for (const tier of await page.getByTestId('cell-tier').evaluateAll((els) => els.map((e) => e.getAttribute('data-tier'))))
      expect(tier).toBe('GOLD');

    await page.getByRole('checkbox', { name: 'Gold' }).uncheck();
    await page.getByLabel('Verification').selectOption('FAILED');
    await expect(page).toHaveURL(/verification=FAILED/);
    await expect(page).not.toHaveURL(/tier=GOLD/);
    await expect(page.getByTestId('cell-verification').first()).toBeVisible();
    for (const s of await page
      .getByTestId('cell-verification')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))))
      expect(s).toBe('FAILED');

    // Search for the first listed tool by name: it stays in the list, the list shrinks.
    await page.getByRole('link', { name: 'Clear' }).click();
    await expect(page).toHaveURL(/\/inventory$/);
    const name = (await page.getByTestId('tool-link').first().textContent())!.trim();
    await page.getByLabel('Search').fill(name);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(name);
    await expect(page.getByTestId('tool-link').filter({ hasText: name }).first()).toBeVisible();
    await expect.poll(async () => totalOf(await count.textContent())).toBeLessThan(all);

    // Sorting by a column header writes the URL too.
    await page.goto('/inventory');
    await page.getByRole('link', { name: /Score/ }).click();
    await expect(page).toHaveURL(/sort=trustScore/);
    await expect(page.getByRole('columnheader', { name: /Score/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  test('tool page shows versions, checks, the escalation highlight and publisher trust apart from tier', async ({ page }) => {
    await signInAs(page, 'AUDITOR');
    await page.goto('/inventory?pageSize=100');
    const hrefs = await page.getByTestId('tool-link').evaluateAll((els) => els.map((e) => e.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);

    // Find a tool whose version history has an escalation (the demo catalogue has several).
    let escalating: string | undefined;
    for (const href of hrefs) {
      const html = await (await page.request.get(href)).text();
      if (html.includes('data-testid="escalation"')) {
        escalating = href;
        break;
      }
    }
    expect(escalating, 'a demo tool with a permission escalation').toBeDefined();
    await page.goto(escalating!);
    await expect(page.getByTestId('version').first()).toBeVisible();
    await page
      .locator('[data-testid="version"] summary')
      .evaluateAll((els) => els.forEach((e) => (e.parentElement as HTMLDetailsElement).setAttribute('open', '')));
    await expect(page.getByTestId('escalation').first()).toBeVisible();
    await expect(page.getByTestId('escalation').first()).toContainText('was');
    await expect(page.getByText(/^Publisher trust: /).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Agents using it' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Audit history' })).toBeVisible();

    // A tool that failed verification shows the failing check.
    await page.goto('/inventory?verification=FAILED');
    await page.getByTestId('tool-link').first().click();
    await expect(page.getByTestId('verification-record').first()).toBeVisible();
    await expect(page.locator('[data-testid="check"][data-status="FAIL"]').first()).toBeVisible();
  });

  test('CSV export downloads exactly the filtered rows', async ({ page }) => {
    await signInAs(page, 'SECURITY_REVIEWER');
    await page.goto('/inventory?tier=GOLD,VERIFIED&pageSize=10');
    const shown = totalOf(await page.getByTestId('result-count').textContent());
    expect(shown).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const rows = parseCsv(await readFile((await download.path())!, 'utf8'));
    const [header, ...data] = rows;
    expect(data).toHaveLength(shown);
    const tierCol = header!.indexOf('tier');
    for (const r of data) expect(['GOLD', 'VERIFIED']).toContain(r[tierCol]);
  });

  test('bad input: unknown filter, page past the end, malformed id, bad export query', async ({ page }) => {
    expect((await page.request.get('/api/inventory/export')).status()).toBe(401);
    await signInAs(page, 'AUDITOR');
    await page.goto('/inventory?tier=PLATINUM&network=everywhere');
    const alert = page.getByTestId('query-errors');
    await expect(alert).toContainText('Unknown tier "PLATINUM"');
    await expect(alert).toContainText('network');
    await expect(page.getByRole('table', { name: 'Tools' })).toBeVisible();

    await page.goto('/inventory?page=999999');
    await expect(page.getByTestId('result-count')).toContainText('past the end');

    const res = await page.goto("/inventory/'%20or%201=1");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    expect((await page.goto('/inventory/cunknowntool0000000000'))?.status()).toBe(404);

    const api = await page.request.get('/api/inventory/export?tier=PLATINUM');
    expect(api.status()).toBe(400);
    expect((await api.json()).issues[0].path).toBe('tier.0');
  });

  test('ownership: the compliance officer edits it (audited), the auditor sees no form', async ({ page }) => {
    await signInAs(page, 'AUDITOR');
    await page.goto('/inventory');
    const href = (await page.getByTestId('tool-link').first().getAttribute('href'))!;
    await page.goto(href);
    await expect(page.getByRole('form', { name: 'Ownership' })).toHaveCount(0);

    await page.context().clearCookies();
    await signInAs(page, 'COMPLIANCE_OFFICER');
    await page.goto(href);
    const owner = `team-${Date.now()}`;
    await page.getByLabel('Internal owner').fill(owner);
    await page.getByLabel('Data classification').selectOption('CONFIDENTIAL');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status')).toContainText('Saved.');
    await page.reload();
    await expect(page.getByText(owner).first()).toBeVisible();
    await expect(page.getByTestId('tool-audit-row').filter({ hasText: 'tool.ownershipUpdated' }).first()).toBeVisible();
  });
});
