import { test, expect, signInAs } from './fixtures';
import { DEMO_API_KEYS } from '../lib/demo/demo-api-keys';

const AUTH = { authorization: `Bearer ${DEMO_API_KEYS.ENFORCE}` };

test.describe('enforcement API and API keys', () => {
  test('a tool below the production tier is denied with the reason, and the attempt is logged', async ({ page }) => {
    await signInAs(page, 'ADMIN');
    // The version the demo production agent runs, read from the compliance matrix.
    await page.goto('/compliance?q=Slack%20Notifier');
    const row = page.getByTestId('matrix-row').filter({ has: page.getByTestId('matrix-tool-Slack Notifier') });
    await expect(row.getByTestId('cell-PRODUCTION')).toHaveAttribute('data-status', 'fail');
    await expect(row.getByTestId('cell-PRODUCTION')).toContainText('below the minimum Gold');
    const version = (await row.getByTestId('matrix-version').textContent())!.trim();

    const requestId = `e2e-${Date.now()}`;
    const res = await page.request.post('/api/v1/enforce', {
      headers: AUTH,
      data: { agent: 'support-agent-prod-01', tool: 'slack-notifier', version, action: 'invoke', requestId },
    });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as {
      decision: string;
      reasons: { code: string; rule?: string; message: string }[];
      policy: { version: number };
    };
    expect(body.decision).toBe('deny');
    expect(body.reasons).toContainEqual(
      expect.objectContaining({
        code: 'policy-violation',
        rule: 'min-tier',
        message: expect.stringContaining('below the minimum Gold'),
      }),
    );

    await page.goto('/enforcement?agent=support-agent-prod-01&outcome=DENY');
    const logged = page
      .getByRole('table', { name: 'Enforcement decisions' })
      .getByRole('row')
      .filter({ hasText: 'slack-notifier' })
      .first();
    await expect(logged).toContainText('Denied');
    await expect(logged).toContainText('below the minimum Gold');
  });

  test('bad input gets a precise 4xx and is logged; no key gets 401', async ({ page }) => {
    const bad = await page.request.post('/api/v1/enforce', {
      headers: AUTH,
      data: { agent: 'support-agent-prod-01', tool: 'x', action: 'delete' },
    });
    expect(bad.status()).toBe(400);
    const err = (await bad.json()) as { issues: { path: string }[] };
    expect(err.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['version', 'action']));
    expect(
      (await page.request.post('/api/v1/enforce', { data: { agent: 'a', tool: 'b', version: '1', action: 'invoke' } })).status(),
    ).toBe(401);
    const ghost = await page.request.post('/api/v1/enforce', {
      headers: AUTH,
      data: { agent: 'ghost-agent', tool: 'email-parser', version: '2.0.1', action: 'invoke' },
    });
    expect(ghost.status()).toBe(404);
    expect(await ghost.json()).toMatchObject({
      code: 'unknown_agent',
      error: 'Agent “ghost-agent” is not registered in ToolLedger.',
    });
    const readKey = await page.request.post('/api/v1/enforce', {
      headers: { 'x-api-key': DEMO_API_KEYS.READ },
      data: { agent: 'support-agent-prod-01', tool: 'b', version: '1', action: 'invoke' },
    });
    expect(readKey.status()).toBe(403);
    const doc = await page.request.get('/api/v1/openapi.json');
    expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });

  test('an admin creates a key (secret shown once) that works, then revokes it', async ({ page }) => {
    await signInAs(page, 'ADMIN');
    await page.goto('/settings/api-keys');
    const name = `gateway-${Date.now()}`;
    const form = page.getByRole('form', { name: 'Create API key' });
    await form.getByLabel('Name').fill(name);
    await form.getByRole('checkbox', { name: /^enforce/ }).check();
    await form.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByTestId('new-api-key-secret').textContent())!.trim();
    expect(secret).toMatch(/^tl_enforce_[A-Za-z0-9]{32}$/);
    const row = page.getByTestId(`api-key-row-${name}`);
    await expect(row).toContainText('Active');
    await expect(row).not.toContainText(secret);

    const call = () =>
      page.request.post('/api/v1/enforce', {
        headers: { authorization: `Bearer ${secret}` },
        data: { agent: 'support-agent-prod-01', tool: 'email-parser', version: '2.0.1', action: 'invoke' },
      });
    expect((await call()).status()).toBe(200);

    // Shown once: a reload no longer has it.
    await page.reload();
    await expect(page.getByTestId('new-api-key-secret')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(secret);

    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    await expect(row).toContainText('Revoked');
    const refused = await call();
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toContain('revoked');
  });

  test('the auditor is refused the keys (ADR 0010), cannot create one directly, and reads policies only', async ({ page }) => {
    await signInAs(page, 'AUDITOR');
    await page.goto('/settings/api-keys');
    await expect(page).toHaveURL(/\/forbidden/);
    expect((await page.request.get('/api/api-keys')).status()).toBe(403);
    const res = await page.request.post('/api/api-keys', { data: { name: 'sneaky key', scopes: ['ENFORCE'] } });
    expect(res.status()).toBe(403);
    // Policies: read-only for the auditor.
    await page.goto('/policies/production');
    await expect(page.getByRole('heading', { name: 'Production policy', level: 1 })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Edit policy' })).toHaveCount(0);
  });

  test('an admin changes a policy; the history shows who changed what', async ({ page }) => {
    await signInAs(page, 'ADMIN');
    // Development, and a limit no demo verification reaches: other journeys see the same decisions.
    await page.goto('/policies/development');
    const form = page.getByRole('form', { name: 'Edit policy' });
    await form.getByLabel('Verification valid for (days)').fill('99999');
    await form.getByRole('button', { name: 'Save as new version' }).click();
    await expect(form.getByText('At most 3650 days')).toBeVisible();
    await expect(form.getByText(/Say why the policy changes/)).toBeVisible();
    await form.getByLabel('Verification valid for (days)').fill('3650');
    await form.getByLabel('Why this change').fill('Re-verify development tools at least every ten years');
    await form.getByRole('button', { name: 'Save as new version' }).click();
    // The form starts over from the new version; the history shows the change.
    const latest = page.getByRole('list', { name: 'Policy versions' }).getByRole('listitem').first();
    await expect(latest).toContainText('v2');
    await expect(latest).toContainText('Ada Admin');
    await expect(latest).toContainText('Verification valid for (days)');
    await expect(latest).toContainText('→ 3650');
  });
});
