import type { Page } from '@playwright/test';
import { test, expect, signInAs } from './fixtures';

// Journey (issue 10.7): the new-request form keeps what the person chose when the server refuses,
// shows the refusal beside the version, and for a version update says what it replaces and which
// alerts are open on the version. The refusal comes from the server: the agent's request for the
// same tool is raised through the API after the form was loaded, so the form's own check cannot know.

const JUSTIFICATION = 'The team needs this tool to triage incoming support tickets.';

async function versionValues(page: Page): Promise<string[]> {
  return page.locator('#toolVersionId option:not([value=""])').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
}

test('a server refusal shows on the version and keeps every choice; a version update says what it replaces', async ({ page }) => {
  test.slow();
  await signInAs(page, 'COMPLIANCE_OFFICER');
  await page.goto('/changes/new');
  await page.getByLabel('Environment').selectOption('DEVELOPMENT');
  const agents = await page
    .locator('#agentId option:not([value=""])')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(agents.length, 'the demo data has a development agent').toBeGreaterThan(0);
  const agentId = agents[agents.length - 1]!;
  await page.getByLabel('Agent').selectOption(agentId);

  // Raise, behind the form's back, a request for a tool this agent does not run yet.
  let raised: { id: string; toolId: string; toolVersionId: string } | null = null;
  for (const toolVersionId of (await versionValues(page)).reverse()) {
    const res = await page.request.post('/api/changes', {
      data: { kind: 'NEW_TOOL', toolVersionId, agentId, environment: 'DEVELOPMENT', justification: JUSTIFICATION },
    });
    if (res.status() === 201 || res.status() === 200) {
      raised = await res.json();
      break;
    }
  }
  expect(raised, 'some tool could be requested for the agent').not.toBeNull();
  const { id, toolId, toolVersionId } = raised!;

  try {
    await page.getByLabel('Tool version').selectOption(toolVersionId);
    await page.getByLabel('Justification').fill(JUSTIFICATION);
    await page.getByRole('button', { name: 'Submit request' }).click();
    const error = page.locator('#toolVersionId-error');
    await expect(error).toContainText(/already has .* \((requested|approved)\)/);
    await expect(page.getByLabel('Tool version')).toBeFocused();
    await expect(page.getByLabel('Tool version')).toHaveAttribute('aria-describedby', /toolVersionId-error/);
    // Every choice is as the person left it, and what is sent again is what the form shows.
    await expect(page.getByLabel('Environment')).toHaveValue('DEVELOPMENT');
    await expect(page.getByLabel('Agent')).toHaveValue(agentId);
    await expect(page.getByLabel('Tool version')).toHaveValue(toolVersionId);
    await expect(page.getByLabel('Justification')).toHaveValue(JUSTIFICATION);
    await expect(page).toHaveURL(/\/changes\/new$/);

    // A version update of that tool names what it replaces.
    await page.goto(`/changes/new?toolId=${toolId}&kind=VERSION_UPDATE&environment=DEVELOPMENT&agentId=${agentId}`);
    await expect(page.getByLabel('Kind of change')).toHaveValue('VERSION_UPDATE');
    await page.getByLabel('Tool version').selectOption(toolVersionId);
    await expect(page.getByTestId('replaces')).toContainText(/Replaces .+ \((requested|approved)\) on this agent with/);

    // Any version with open alerts lists them before the person submits.
    let shown = false;
    for (const v of await versionValues(page)) {
      await page.getByLabel('Tool version').selectOption(v);
      if ((await page.getByTestId('version-alerts').count()) > 0) {
        await expect(page.getByTestId('version-alerts')).toContainText('Open alerts on');
        await expect(page.getByTestId('version-alerts').locator('li').first()).toBeVisible();
        shown = true;
        break;
      }
    }
    expect(shown, 'the demo data has a version with open alerts').toBe(true);
  } finally {
    // The request raised for this test is withdrawn, so other journeys see the demo data as it was.
    await page.goto(`/changes/${id}`);
    const withdraw = page.getByRole('button', { name: 'Withdraw request' });
    if (await withdraw.count()) {
      await withdraw.click();
      await expect(page.getByTestId('request-state').locator('.state-badge')).toHaveText('Withdrawn');
    }
  }
});
