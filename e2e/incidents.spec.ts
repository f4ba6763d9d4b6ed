import { test, expect, signInAs } from './fixtures';
import { DEMO_API_KEYS } from '../lib/demo/demo-api-keys';

const AUTH = { authorization: `Bearer ${DEMO_API_KEYS.ENFORCE}` };
type Decision = { decision: string; reasons: { code: string; message: string; incidentId?: string }[] };

test.describe('incident response with quarantine', () => {
  test('a security reviewer opens a supply-chain incident and quarantines a version: the next enforcement call is denied with the incident named; lifting it restores the allow', async ({
    page,
  }) => {
    // A long journey (six pages, eight enforce calls) on a shared, loaded machine.
    test.slow();
    await signInAs(page, 'SECURITY_REVIEWER');
    // A version the demo deployed to a production agent through a change request: allowed today.
    await page.goto('/changes?state=DEPLOYED');
    await page.getByTestId('change-request-row').first().getByRole('link').first().click();
    const subject = page.getByTestId('change-request');
    const [tool, registry, version, agent] = await Promise.all(
      ['data-tool', 'data-registry', 'data-version', 'data-agent'].map((a) => subject.getAttribute(a)),
    );
    const enforce = async () => {
      const res = await page.request.post('/api/v1/enforce', {
        headers: AUTH,
        data: { agent, tool, ...(registry ? { registry } : {}), version, action: 'invoke' },
      });
      expect(res.status()).toBe(200);
      return (await res.json()) as Decision;
    };
    expect((await enforce()).decision).toBe('allow');

    // From the tool page: open an incident for it.
    await subject.locator('a[href^="/inventory/"]').first().click();
    await page.getByTestId('tool-incidents').waitFor();
    await page.getByRole('link', { name: 'Open incident' }).click();
    await expect(page).toHaveURL(/\/incidents\/new\?toolId=/);
    const form = page.getByRole('form', { name: 'Open incident' });
    await form.getByLabel('Scenario').selectOption('SUPPLY_CHAIN_ATTACK');
    await form.getByLabel('Severity').selectOption('CRITICAL');
    await form.getByLabel('Title').fill(`Tampered artifact for ${tool} ${version}`);
    await form.getByLabel('What is known').fill('The registry serves an artifact the publisher did not release.');
    await form.getByRole('checkbox', { name: /^Quarantine .* now$/ }).check();
    await form
      .getByRole('group', { name: 'Versions to quarantine' })
      .getByRole('checkbox', { name: version!, exact: true })
      .check();
    // Bad input first: a quarantine without its reason is refused beside the field, nothing stored.
    await form.getByRole('button', { name: 'Open incident' }).click();
    await expect(form.getByText('Say why it is quarantined (at least 10 characters)')).toBeVisible();
    expect((await enforce()).decision).toBe('allow');
    await form.getByLabel('Reason for the quarantine').fill('Artifact digest differs from the signed release.');
    await form.getByRole('button', { name: 'Open incident' }).click();
    await expect(page).toHaveURL(/\/incidents\/c[a-z0-9]+$/);
    const incidentId = page.url().split('/').pop()!;
    const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.match(/INC-\d+/)![0];

    // The very next enforcement call is denied, naming the incident.
    const denied = await enforce();
    expect(denied.decision).toBe('deny');
    const reason = denied.reasons.find((r) => r.code === 'incident-quarantine');
    expect(reason?.incidentId).toBe(incidentId);
    expect(reason?.message).toContain(reference);
    await expect(page.getByTestId('timeline')).toContainText('Quarantined');

    // Lifting needs the reason; then the allow comes back at once.
    const quarantine = page.getByTestId('quarantine');
    await quarantine.getByRole('button', { name: 'Lift quarantine' }).click();
    await expect(quarantine.getByText('Say why the quarantine can be lifted (at least 10 characters)')).toBeVisible();
    expect((await enforce()).decision).toBe('deny');
    await quarantine.getByLabel('Why it is safe to lift').fill('Publisher confirmed; the served artifact is the signed release.');
    await quarantine.getByRole('button', { name: 'Lift quarantine' }).click();
    await expect(quarantine).toContainText('Lifted by');
    expect((await enforce()).decision).toBe('allow');
    await expect(page.getByTestId('timeline')).toContainText('Quarantine lifted');
  });

  test('the demo incident is closed with its lifted quarantine; auditors read it and are offered no action', async ({ page }) => {
    await signInAs(page, 'AUDITOR');
    await page.goto('/incidents?status=CLOSED&scenario=SUPPLY_CHAIN_ATTACK');
    await page.getByTestId('incident-row').first().getByRole('link').click();
    await expect(page.getByTestId('incident-status')).toHaveAttribute('data-status', 'CLOSED');
    await expect(page.getByTestId('quarantine').first()).toContainText('Lifted by');
    await expect(page.getByRole('button', { name: /Lift quarantine|Mark done|Add note|Quarantine/ })).toHaveCount(0);
    await page.goto('/incidents/new');
    await expect(page).toHaveURL(/forbidden/);
  });
});
