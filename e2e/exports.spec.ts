import { strFromU8, unzipSync } from 'fflate';
import { test, expect, signInAs } from './fixtures';
import { ZExportedToolHiveProfile, ZToolHiveProfile } from '../lib/domain/exports/toolhive-profile-schema';

// Journey (issue 8): the auditor opens the client exports, downloads the Claude Code settings,
// the ToolHive archive and one server's profile, and each file is what the client itself loads:
// a bare ToolHive profile with an explicit network section, a Claude Code file without names.

const ENVS = ['PRODUCTION', 'STAGING', 'DEVELOPMENT'] as const;

test('client exports: per environment, each file loads as its client reads it, left-out servers listed with reasons', async ({
  page,
}) => {
  await signInAs(page, 'AUDITOR');
  await page.goto('/changes/allowlist');
  await page.getByRole('link', { name: 'See the client exports' }).click();
  await expect(page).toHaveURL(/\/changes\/exports$/);
  await expect(page.getByRole('heading', { name: 'Client exports' })).toBeVisible();

  let checkedProfile = false;
  for (const env of ENVS) {
    await page.goto(`/changes/exports?environment=${env}`);
    await expect(page.getByTestId('allowed-count')).toBeVisible();

    const claude = await page.request.get(`/api/changes/export/claude-code?environment=${env}`);
    expect(claude.status()).toBe(200);
    const settings = await claude.json();
    expect(Object.keys(settings).sort()).toEqual(['allowManagedMcpServersOnly', 'allowedMcpServers', 'deniedMcpServers']);
    expect(settings.allowedMcpServers.every((e: object) => !('serverName' in e))).toBe(true);
    // Every server left out of a file is on the page with its reason.
    expect(await page.getByTestId('left-out-claude-code').count()).toBe(Number(claude.headers()['x-toolledger-left-out']));

    const archive = await page.request.get(`/api/changes/export/toolhive?environment=${env}`);
    expect(archive.status()).toBe(200);
    expect(archive.headers()['content-type']).toBe('application/zip');
    expect(archive.headers()['content-disposition']).toContain(`toolhive-profiles.${env.toLowerCase()}.zip`);
    const files = unzipSync(new Uint8Array(await archive.body()));
    expect(strFromU8(files['README.md']!)).toContain('Left out');
    const profiles = Object.keys(files).filter((f) => f.endsWith('.json'));
    await expect(page.getByTestId('toolhive-profile')).toHaveCount(profiles.length);
    expect(await page.getByTestId('left-out-toolhive').count()).toBe(Number(archive.headers()['x-toolledger-left-out']));
    for (const f of profiles) {
      const json = JSON.parse(strFromU8(files[f]!));
      expect(ZToolHiveProfile.safeParse(json).success, f).toBe(true);
      expect(ZExportedToolHiveProfile.safeParse(json).success, f).toBe(true);
    }

    const first = page.getByTestId('toolhive-profile').first().getByRole('link');
    if (!checkedProfile && profiles.length > 0) {
      const href = await first.getAttribute('href');
      const one = await page.request.get(href!);
      expect(one.status()).toBe(200);
      const profile = await one.json();
      expect(Object.keys(profile).sort()).toEqual(['name', 'network', 'privileged', 'read', 'write']);
      expect(Object.keys(profile.network.outbound).sort()).toEqual(['allow_host', 'allow_port', 'insecure_allow_all']);
      checkedProfile = true;
    }
  }
  expect(checkedProfile, 'the demo data allows at least one server somewhere').toBe(true);

  const bad = await page.request.get('/api/changes/export/toolhive-profile?environment=PRODUCTION&server=../../etc/passwd');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).issues[0].path).toBe('file');
  const missing = await page.request.get(
    '/api/changes/export/toolhive-profile?environment=PRODUCTION&server=no-such-server-1.0.0.json',
  );
  expect(missing.status()).toBe(404);
  const wrong = await page.request.get('/api/changes/export/yaml?environment=MOON');
  expect(wrong.status()).toBe(400);
});
