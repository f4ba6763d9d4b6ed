import { test, expect, signInAs, moveServerClock } from './fixtures';
import { DEMO_API_KEYS } from '../lib/demo/demo-api-keys';

const AUTH = { authorization: `Bearer ${DEMO_API_KEYS.ENFORCE}` };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test.describe('policy exceptions', () => {
  // A long journey (two roles, seven pages, the test clock) on a shared machine: more room than the default minute.
  test.describe.configure({ timeout: 180_000 });

  test('an officer requests an exception from the compliance matrix, a security reviewer approves it, enforcement allows it until it expires', async ({
    page,
  }) => {
    // Slack Notifier is Verified: below the production minimum (Gold), installed and active on the support agent.
    await signInAs(page, 'COMPLIANCE_OFFICER');
    await page.goto('/compliance?q=Slack%20Notifier');
    const row = page.getByTestId('matrix-row').filter({ has: page.getByTestId('matrix-tool-Slack Notifier') });
    const cell = row.getByTestId('cell-PRODUCTION');
    await expect(cell).toHaveAttribute('data-status', 'fail');
    const version = (await row.getByTestId('matrix-version').textContent())!.trim();
    const enforce = async () => {
      const res = await page.request.post('/api/v1/enforce', {
        headers: AUTH,
        data: { agent: 'support-agent-prod-01', tool: 'slack-notifier', version, action: 'invoke' },
      });
      expect(res.status()).toBe(200);
      return (await res.json()) as { decision: string; exceptionId: string | null };
    };
    expect((await enforce()).decision).toBe('deny');

    await cell.locator('summary').click();
    await cell.getByRole('link', { name: 'Request exception' }).click();
    await expect(page).toHaveURL(/\/exceptions\/new\?/);
    const form = page.getByRole('form', { name: 'Request exception' });
    await expect(form.getByRole('checkbox', { name: /Minimum tier/ })).toBeChecked();
    // Bad input first: an expiry beyond the policy maximum is refused beside the field, nothing stored.
    await form.getByLabel('Business justification').fill('Support posts incident updates to Slack; no Gold alternative yet.');
    await form.getByLabel('Compensating controls').fill('Only the incidents channel; tokens scoped to posting.');
    await form.getByLabel('Remediation plan').fill('Adopt the Gold release announced by the publisher.');
    await form.getByLabel('Remediation by').fill(inDays(10));
    await form.getByLabel('Expires on (UTC)').fill(inDays(200));
    await form.getByRole('button', { name: 'Submit for security review' }).click();
    await expect(form.getByText('The policy allows exceptions of at most 90 days')).toBeVisible();
    await form.getByLabel('Expires on (UTC)').fill(inDays(20));
    await form.getByRole('button', { name: 'Submit for security review' }).click();
    await expect(page).toHaveURL(/\/exceptions\/c[a-z0-9]+$/);
    const exceptionId = page.url().split('/').pop()!;
    await expect(page.getByTestId('exception-standing')).toHaveAttribute('data-standing', 'requested');
    // The requester is offered no decision.
    await expect(page.getByRole('button', { name: 'Approve exception' })).toHaveCount(0);
    expect((await enforce()).decision).toBe('deny');

    await page.context().clearCookies();
    await signInAs(page, 'SECURITY_REVIEWER');
    await page.goto(`/exceptions/${exceptionId}`);
    await page.getByLabel('Comment').fill('Channel scope and token checked.');
    await page.getByRole('button', { name: 'Approve exception' }).click();
    await expect(page.getByTestId('exception-standing')).toHaveAttribute('data-standing', 'approved');
    await expect(page.getByTestId('frozen-context')).toContainText(version);

    const allowed = await enforce();
    expect(allowed).toMatchObject({ decision: 'allow', exceptionId });
    await page.goto('/enforcement?agent=support-agent-prod-01&outcome=ALLOW');
    await expect(page.getByRole('link', { name: `exception ${exceptionId.slice(-8)}` }).first()).toBeVisible();

    try {
      moveServerClock(21);
      expect((await enforce()).decision).toBe('deny');
      await page.goto(`/exceptions/${exceptionId}`);
      await expect(page.getByTestId('exception-standing')).toHaveAttribute('data-standing', 'expired');
    } finally {
      moveServerClock(0);
    }

    // Leave the demo as it was: the reviewer revokes it, and coverage ends at once.
    await page.goto(`/exceptions/${exceptionId}`);
    await page.getByLabel('Why revoke').fill('End of the e2e journey.');
    await page.getByRole('button', { name: 'Revoke exception' }).click();
    await expect(page.getByTestId('exception-standing')).toHaveAttribute('data-standing', 'revoked');
    expect((await enforce()).decision).toBe('deny');
  });

  test('the register lists the demo exceptions in every state, and the auditor may decide nothing', async ({ page }) => {
    await signInAs(page, 'AUDITOR');
    await page.goto('/exceptions');
    for (const standing of ['approved', 'expiring', 'requested', 'rejected', 'expired', 'revoked'])
      await expect(page.locator(`[data-standing="${standing}"]`).first()).toBeVisible();
    await page.goto('/exceptions?standing=requested');
    await page.getByTestId('exception-row').first().getByRole('link').click();
    await expect(page.getByTestId('exception')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Approve exception' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Revoke exception' })).toHaveCount(0);
    await page.goto('/exceptions/new');
    await expect(page).toHaveURL(/forbidden/);
  });
});
