import type { Browser, Page } from '@playwright/test';
import { test, expect, signInAs } from './fixtures';
import { DEMO_API_KEYS } from '../lib/demo/demo-api-keys';

// Journey (issue: change management, segregation of duties): a compliance officer requests a Gold
// tool version for a production agent; the OTHER compliance officer and then the security
// reviewer approve; someone other than the requester deploys it; the enforcement API then allows
// the agent's call. The requester can neither approve nor deploy their own request and is told
// why; the auditor sees everything and can change nothing.

async function as(browser: Browser, who: Parameters<typeof signInAs>[1]): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, who);
  return page;
}

const stateBadge = (page: Page) => page.getByTestId('request-state').locator('.state-badge');

/** Picks, through the form's own choices, a Gold version that needs security review in production, and submits it. */
async function raiseProductionRequest(page: Page): Promise<string> {
  await page.goto('/changes/new');
  await page.getByLabel('Environment').selectOption('PRODUCTION');
  const agents = await page
    .locator('#agentId option:not([value=""])')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(agents.length, 'the demo data has a production agent').toBeGreaterThan(0);
  // The demo history uses the first production agent; the journey uses the last.
  await page.getByLabel('Agent').selectOption(agents[agents.length - 1]!);
  const gold = await page
    .locator('#toolVersionId option[data-tier="GOLD"]')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(gold.length, 'the demo catalogue has Gold versions').toBeGreaterThan(0);
  for (const id of gold) {
    await page.getByLabel('Tool version').selectOption(id);
    const preview = page.getByTestId('policy-preview');
    await expect(preview).toBeVisible();
    const text = await preview.innerText();
    if (!/passes every rule/.test(text) || !/Security review will be required/.test(text)) continue;
    await page.getByLabel('Justification').fill('Support agents must look up order status for customers in production.');
    await page.getByRole('button', { name: 'Submit request' }).click();
    const outcome = await Promise.race([
      page
        .waitForURL((url) => /^\/changes\/(?!new)[^/]+$/.test(url.pathname), { timeout: 15_000 })
        .then(() => 'created' as const),
      page
        .getByRole('form', { name: 'New change request' })
        .getByRole('alert')
        .filter({ hasText: /\S/ })
        .first()
        .waitFor({ timeout: 15_000 })
        .then(() => 'refused' as const),
    ]);
    if (outcome === 'created') return new URL(page.url()).pathname.split('/').pop()!;
    // A message can show while the request is still being created and the page moves on after it:
    // give the address a moment to settle before taking it as a refusal.
    const moved = await page
      .waitForURL((url) => /^\/changes\/(?!new)[^/]+$/.test(url.pathname), { timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (moved) return new URL(page.url()).pathname.split('/').pop()!;
  }
  throw new Error('no Gold version that passes production policy and needs security review could be requested');
}

test.describe('change requests', () => {
  test('request → compliance (other officer) → security → deploy by another person → enforce allows; SoD; auditor read-only', async ({
    browser,
  }) => {
    // Five people sign in and act in turn: a long journey, given three times the default budget.
    test.slow();
    const carla = await as(browser, { email: 'compliance@toolledger.local' });
    const id = await raiseProductionRequest(carla);
    await expect(stateBadge(carla)).toHaveText('Compliance review');
    await expect(carla.getByTestId('verdict').first()).toBeVisible();
    await expect(carla.getByTestId('digest')).toContainText(/Approval covers digest/);

    // Segregation of duties: no approve control for the requester, and the server refuses a forced call.
    await expect(carla.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await expect(carla.getByTestId('sod-note')).toContainText('you raised this request');
    const forced = await carla.request.post(`/api/changes/${id}/decision`, { data: { decision: 'APPROVED', comment: '' } });
    expect(forced.status()).toBe(403);
    expect((await forced.json()).error).toMatch(/you raised this request/);

    // The other compliance officer decides the compliance stage from their inbox.
    const chris = await as(browser, { email: 'compliance2@toolledger.local' });
    await chris.goto('/changes?view=inbox');
    await chris.locator(`[data-testid="change-request-row"][data-id="${id}"] a`).click();
    await chris.getByLabel(/Comment for the compliance review/).fill('Business owner confirmed.');
    await chris.getByRole('button', { name: 'Approve' }).click();
    await expect(stateBadge(chris)).toHaveText('Security review');

    // The security reviewer finds it in their inbox and approves.
    const sam = await as(browser, 'SECURITY_REVIEWER');
    await sam.goto('/changes?view=inbox');
    await expect(sam.getByTestId('inbox')).toBeVisible();
    await sam.locator(`[data-testid="change-request-row"][data-id="${id}"] a`).click();
    await sam.getByLabel(/Comment for the security review/).fill('Egress limited to the declared domains.');
    await sam.getByRole('button', { name: 'Approve' }).click();
    await expect(stateBadge(sam)).toHaveText('Approved');

    // The requester may not deploy her own request: no button, the reason instead, and the server refuses a forced call.
    await carla.reload();
    await expect(stateBadge(carla)).toHaveText('Approved');
    await expect(carla.getByRole('button', { name: /Deploy/ })).toHaveCount(0);
    await expect(carla.getByTestId('deploy-note')).toHaveText('You requested this change: another person must deploy it.');
    const forcedDeploy = await carla.request.post(`/api/changes/${id}/deploy`, { data: {} });
    expect(forcedDeploy.status()).toBe(403);
    expect((await forcedDeploy.json()).error).toBe('You requested this change: another person must deploy it');

    // Another person deploys: the installation becomes active.
    await chris.goto(`/changes/${id}`);
    await chris.getByRole('button', { name: /Deploy/ }).click();
    await expect(stateBadge(chris)).toHaveText('Deployed');

    // The agent's enforce call for exactly that tool version is now allowed.
    const subject = carla.getByTestId('change-request');
    const [tool, registry, version, agent] = await Promise.all(
      ['data-tool', 'data-registry', 'data-version', 'data-agent'].map((a) => subject.getAttribute(a)),
    );
    const enforce = await carla.request.post('/api/v1/enforce', {
      headers: { authorization: `Bearer ${DEMO_API_KEYS.ENFORCE}` },
      data: { agent, tool, ...(registry ? { registry } : {}), version, action: 'invoke' },
    });
    const decision = await enforce.json();
    expect(enforce.status(), JSON.stringify(decision)).toBe(200);
    expect(decision.decision, JSON.stringify(decision.reasons)).toBe('allow');

    // The auditor sees everything, has no controls, and every forced change is refused.
    const audrey = await as(browser, 'AUDITOR');
    await audrey.goto(`/changes/${id}`);
    await expect(stateBadge(audrey)).toHaveText('Deployed');
    await expect(audrey.getByTestId('stage-COMPLIANCE')).toContainText('Approved by Chris Compliance');
    await expect(audrey.getByTestId('stage-SECURITY')).toContainText('Approved by Sam Security');
    await expect(audrey.getByTestId('verdict').first()).toBeVisible();
    for (const name of ['Approve', 'Reject', /Deploy/, 'Comment', 'Withdraw request'])
      await expect(audrey.getByRole('button', { name })).toHaveCount(0);
    for (const [path, data] of [
      [`/api/changes/${id}/decision`, { decision: 'REJECTED', comment: 'forged decision' }],
      [`/api/changes/${id}/comments`, { body: 'forged comment' }],
      [`/api/changes/${id}/deploy`, {}],
    ] as const) {
      const res = await audrey.request.post(path, { data });
      expect(res.status(), path).toBe(403);
    }
    const exported = await audrey.request.get('/api/changes/export/claude-code?environment=PRODUCTION');
    expect(exported.status()).toBe(200);
    const settings = await exported.json();
    expect(settings.allowManagedMcpServersOnly).toBe(true);
    expect(settings.deniedMcpServers).toBeInstanceOf(Array);
  });

  test('bad input: visible field errors, precise API errors, nothing created', async ({ page }) => {
    await signInAs(page, 'COMPLIANCE_OFFICER');
    const before = (await (await page.request.get('/api/changes')).json()).total as number;
    await page.goto('/changes/new');
    await page.getByLabel('Justification').fill('too short');
    await page.getByRole('button', { name: 'Submit request' }).click();
    await expect(page.locator('#agentId-error')).toHaveText('Choose an agent');
    await expect(page.locator('#justification-error')).toContainText('Write at least 20 characters');
    await expect(page).toHaveURL(/\/changes\/new$/);

    const unknown = await page.request.post('/api/changes', {
      data: {
        kind: 'NEW_TOOL',
        toolVersionId: 'no-such-version',
        agentId: 'no-such-agent',
        environment: 'PRODUCTION',
        justification: 'A justification that is long enough.',
      },
    });
    expect(unknown.status()).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: 'Unknown agent: no-such-agent', issues: [{ path: 'agentId' }] });
    const malformed = await page.request.post('/api/changes', { data: { kind: 'UPGRADE' } });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['kind', 'agentId', 'environment']),
    );
    expect((await (await page.request.get('/api/changes')).json()).total).toBe(before);
  });

  test('allowlist: compliance proposes a tool, a security reviewer approves it; the auditor only reads and downloads; roles without create are refused', async ({
    browser,
  }) => {
    const carla = await as(browser, 'COMPLIANCE_OFFICER');
    await carla.goto('/changes/allowlist');
    const tools = await carla
      .locator('#toolId option:not([value=""])')
      .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })));
    expect(tools.length).toBeGreaterThan(0);
    const tool = tools[tools.length - 1]!;
    await carla.getByLabel('Tool', { exact: true }).selectOption(tool.value);
    const proposal = carla.getByRole('form', { name: 'Pre-approve a tool' });
    await proposal.getByLabel('Environment').selectOption('DEVELOPMENT');
    await proposal.getByLabel('Note').fill('Vetted for prototypes');
    await carla.getByRole('button', { name: 'Add to allowlist' }).click();
    const row = carla.getByTestId('allowlist-row').filter({ hasText: 'Vetted for prototypes' });
    await expect(row).toContainText('Development');
    await expect(row).toHaveAttribute('data-status', 'PENDING');
    await expect(row).toContainText('Awaiting security approval');
    await expect(row.getByRole('button', { name: 'Approve' })).toHaveCount(0);

    // The demo data holds an entry a compliance officer added and a security reviewer approved.
    const seeded = carla.getByTestId('allowlist-row').filter({ hasText: 'Vetted by security for staging' });
    await expect(seeded).toHaveAttribute('data-status', 'APPROVED');
    await expect(seeded).toContainText('Carla Compliance');
    await expect(seeded).toContainText('Sam Security');

    // The security reviewer is the second person: approves the pending entry.
    const sam = await as(browser, 'SECURITY_REVIEWER');
    await sam.goto('/changes/allowlist');
    await expect(sam.getByTestId('allowlist-pending')).toBeVisible();
    const samRow = sam.getByTestId('allowlist-row').filter({ hasText: 'Vetted for prototypes' });
    await samRow.getByRole('button', { name: 'Approve' }).click();
    await expect(samRow).toHaveAttribute('data-status', 'APPROVED');
    await expect(samRow).toContainText('Sam Security');

    const audrey = await as(browser, 'AUDITOR');
    await audrey.goto('/changes/allowlist');
    await expect(audrey.getByTestId('allowlist-row').filter({ hasText: 'Vetted for prototypes' })).toBeVisible();
    await expect(audrey.getByRole('button', { name: 'Add to allowlist' })).toHaveCount(0);
    await expect(audrey.getByRole('button', { name: 'Remove' })).toHaveCount(0);
    await expect(audrey.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    const profiles = await audrey.request.get('/api/changes/export/toolhive?environment=PRODUCTION');
    expect(profiles.status()).toBe(200);
    expect(profiles.headers()['content-disposition']).toContain('toolhive-profiles.production.zip');
    const bad = await audrey.request.get('/api/changes/export/yaml?environment=MOON');
    expect(bad.status()).toBe(400);

    const create = await sam.request.post('/api/changes', { data: { kind: 'NEW_TOOL' } });
    expect(create.status()).toBe(403);
  });
});
