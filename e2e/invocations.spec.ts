import { test, expect, signInAs, demoUser } from './fixtures';

// The names lib/demo/seed-monitoring.ts seeds (DEMO_MONITORING there; that module is server-only).
const DEMO_MONITORING = {
  agent: 'support-agent-prod-01',
  driftTool: 'Email Parser',
  burstTool: 'Sentiment Classifier',
} as const;

// Relies on lib/demo/seed-monitoring.ts: two hours before the server started, the support agent's
// Email Parser reported filesystem write, which its version does not declare; the monitors ran
// in the seed and raised the drift alert with those events as evidence.

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test.describe('invocation monitoring', () => {
  // Four pages on a shared machine: more room than the default minute.
  test.describe.configure({ timeout: 180_000 });

  test('an officer finds an event in the explorer by agent and time, opens the alert it raised, and sees the explanation', async ({
    page,
  }) => {
    await signInAs(page, 'COMPLIANCE_OFFICER');
    await page.goto('/invocations');
    await expect(page.getByTestId('invocation-charts')).toBeVisible();
    const filters = page.getByRole('form', { name: 'Filter the invocations' });
    await filters.getByLabel('Agent').fill(DEMO_MONITORING.agent);
    await filters.getByLabel('From (UTC)').fill(day(-1));
    await filters.getByLabel('To (UTC)').fill(day(0));
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(new RegExp(`agent=${DEMO_MONITORING.agent}.*from=${day(-1)}`));

    const rows = page.getByTestId('invocation-row');
    await expect(rows.first()).toBeVisible();
    for (const agent of await rows.getByRole('cell').nth(1).allTextContents()) expect(agent).toBe(DEMO_MONITORING.agent);
    const drifting = rows.filter({ hasText: DEMO_MONITORING.driftTool }).filter({ hasText: 'filesystem:write' }).first();
    await drifting.getByTestId('invocation-link').click();
    await expect(page).toHaveURL(/\/invocations\/\d+$/);
    await expect(page.getByTestId('invocation-detail')).toContainText('filesystem:write');

    const alert = page.getByTestId('invocation-alerts').getByRole('link', { name: /used filesystem write; it declares none/ });
    await alert.click();
    await expect(page).toHaveURL(/\/monitoring\/[^/?]+$/);
    const explanation = page.getByTestId('alert-explanation');
    await expect(explanation).toContainText('Agents reported using more than version');
    const filesystem = page.getByTestId('drift-table').getByRole('row', { name: /Filesystem/ });
    await expect(filesystem.getByRole('cell')).toHaveText(['Filesystem', 'none', 'write']);
    // The event we came from is among the evidence, linked back.
    await expect(page.getByTestId('alert-evidence').getByRole('link')).toHaveCount(2);

    // Issue 11.5: the officer takes the alert and leaves a note; both show on the alert and in the inbox.
    const me = demoUser('COMPLIANCE_OFFICER').name;
    const alertUrl = page.url();
    await expect(page.getByTestId('alert-assignee')).toHaveText('Nobody is assigned.');
    const assign = page.getByRole('form', { name: 'Assign the alert' });
    await assign.getByLabel('Assignee').selectOption({ label: `${me} (me)` });
    await assign.getByRole('button', { name: 'Save assignee' }).click();
    await expect(page.getByTestId('alert-assignee')).toContainText(`Assigned to ${me}`);
    const noteForm = page.getByRole('form', { name: 'Add a note' });
    // An empty note is refused beside the field, and nothing is added.
    await noteForm.getByRole('button', { name: 'Add note' }).click();
    await expect(noteForm.getByText('Write the note')).toBeVisible();
    await expect(page.getByTestId('alert-note')).toHaveCount(0);
    const words = 'Asked the support team why the parser writes to disk.';
    await noteForm.getByLabel('Add a note').fill(words);
    await noteForm.getByRole('button', { name: 'Add note' }).click();
    const note = page.getByTestId('alert-note');
    await expect(note).toHaveCount(1);
    await expect(note).toContainText(words);
    await expect(note).toContainText(me);
    await expect(noteForm.getByLabel('Add a note')).toHaveValue('');

    await page.goto('/monitoring?assignee=me');
    const mine = page.getByTestId('alert-row').filter({ hasText: DEMO_MONITORING.driftTool });
    await expect(mine).toHaveCount(1);
    await expect(mine.getByTestId('alert-assignee')).toHaveText(me);
    await expect(page.getByRole('form', { name: 'Filter alerts' }).getByLabel('Assignee')).toHaveValue('me');

    // The auditor reads the assignee and the note, and gets no form.
    await page.context().clearCookies();
    await signInAs(page, 'AUDITOR');
    await page.goto(alertUrl);
    await expect(page.getByTestId('alert-assignee')).toContainText(`Assigned to ${me}`);
    await expect(page.getByTestId('alert-note')).toContainText(words);
    await expect(page.getByRole('form', { name: 'Add a note' })).toHaveCount(0);
    await expect(page.getByRole('form', { name: 'Assign the alert' })).toHaveCount(0);
  });

  test('least privilege: the worst on the alert inbox, all of them on their own page, filtered and paged', async ({ page }) => {
    await signInAs(page, 'COMPLIANCE_OFFICER');
    await page.goto('/monitoring');
    const shown = page.getByTestId('least-privilege-shown');
    await expect(shown).toContainText(/Showing \d+ of \d+/);
    const total = Number(/of ([\d,]+)/.exec(await shown.innerText())![1]!.replace(/,/g, ''));
    expect(total).toBeGreaterThan(0);
    await shown.getByRole('link', { name: 'All recommendations, with filters' }).click();
    await expect(page).toHaveURL(/\/monitoring\/least-privilege$/);
    await expect(page.getByRole('heading', { name: 'Least privilege', level: 1 })).toBeVisible();
    const count = page.getByText(/^[\d,]+ versions? with unused permissions$/);
    await expect(count).toHaveText(new RegExp(`^${total.toLocaleString('en')} version`));
    // Filtered by the first row's tool: every row left is that tool.
    const rows = page.getByTestId('least-privilege').locator(':scope > li');
    const tool = (await rows.first().getByRole('link').innerText()).trim();
    const filters = page.getByRole('form', { name: 'Filter the recommendations' });
    await filters.getByLabel('Tool').fill(tool);
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/q=/);
    await expect(rows.first()).toBeVisible();
    for (const name of await rows.getByRole('link').allInnerTexts()) expect(name).toContain(tool);
    // A bad value is shown beside the list, never a 500.
    const res = await page.goto('/monitoring/least-privilege?environment=MOON&pageSize=5000');
    expect(res?.status()).toBe(200);
    await expect(page.getByTestId('query-errors')).toContainText('Use PRODUCTION, STAGING or DEVELOPMENT');
  });

  test('the burst in the demo is an anomaly shown against its baseline', async ({ page }) => {
    await signInAs(page, 'COMPLIANCE_OFFICER');
    await page.goto('/monitoring?kind=invocation-anomaly');
    await page.getByTestId('alert-row').filter({ hasText: DEMO_MONITORING.burstTool }).getByRole('link').first().click();
    await expect(page.getByTestId('anomaly-baseline')).toContainText(/median [\d.]+ calls, MAD [\d.]+/);
    await expect(page.getByTestId('anomaly-deviation')).toContainText('the policy threshold is 3.5');
    await expect(page.getByTestId('anomaly-chart')).toBeVisible();
  });
});
