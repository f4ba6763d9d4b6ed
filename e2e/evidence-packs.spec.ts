import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { expect, signInAs, test } from './fixtures';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

// Issue 13: an officer builds a pack and watches its progress; the auditor downloads it; the
// upload page passes it and fails a copy with one byte changed, naming the file.
test('a pack is built in the background, downloaded by the auditor and verified by upload', async ({ browser }) => {
  test.setTimeout(240_000);
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signInAs(officer, 'COMPLIANCE_OFFICER');
  await officer.goto('/evidence');
  await expect(officer.getByRole('heading', { name: 'Evidence packs' })).toBeVisible();
  await expect(officer.getByTestId('key-fingerprint').first()).toHaveText(/^SHA-256 ([0-9a-f]{4} ){15}[0-9a-f]{4}$/);

  // A period that ends in the future is a form error, beside its field.
  const form = officer.getByRole('form', { name: 'Build evidence pack' });
  await form.getByLabel('From (UTC)').fill(day(-30));
  await form.getByLabel('To (UTC, inclusive)').fill(day(5));
  await form.getByRole('button', { name: 'Build pack' }).click();
  await expect(form.getByText(/cannot end after today/)).toBeVisible();

  await form.getByLabel('To (UTC, inclusive)').fill(day(-1));
  await form.getByLabel('Production').check();
  const before = await officer.getByTestId(/^pack-build-/).count();
  await form.getByRole('button', { name: 'Build pack' }).click();
  await expect(officer.getByTestId(/^pack-build-/)).toHaveCount(before + 1);
  const row = officer.getByTestId(/^pack-build-/).first();
  await expect(row).toContainText(`${day(-30)} → ${day(-1)}`);
  await expect(row).toContainText('Production');
  // The list follows the build without a reload: its state changes from queued/running to ready.
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        const state = (await row.getAttribute('data-state')) ?? '';
        seen.add(state);
        if (state === 'RUNNING') seen.add(await row.getByTestId('build-progress').innerText());
        return state;
      },
      { timeout: 180_000, intervals: [200] },
    )
    .toBe('SUCCEEDED');
  expect([...seen].some((s) => s === 'QUEUED' || s === 'RUNNING')).toBe(true);
  await expect(row).toContainText(/records, [\d,]+ bytes/);
  const buildId = (await row.getAttribute('data-testid'))!.replace('pack-build-', '');
  await officerContext.close();

  // The auditor downloads it (read-only: no build form, no cancel).
  const auditorContext = await browser.newContext();
  const auditor = await auditorContext.newPage();
  await signInAs(auditor, 'AUDITOR');
  await auditor.goto('/evidence');
  await expect(auditor.getByRole('form', { name: 'Build evidence pack' })).toHaveCount(0);
  const auditorRow = auditor.getByTestId(`pack-build-${buildId}`);
  await expect(auditorRow.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  const downloading = auditor.waitForEvent('download');
  await auditorRow.getByRole('link', { name: 'Download' }).click();
  const download = await downloading;
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-pack-'));
  const packFile = path.join(dir, download.suggestedFilename());
  await download.saveAs(packFile);
  expect(download.suggestedFilename()).toMatch(/^evidence-pack-.+\.zip$/);

  // Verify by upload: the pack as downloaded passes.
  await auditor.goto('/evidence/verify');
  await auditor.getByLabel('Evidence pack (.zip)').setInputFiles(packFile);
  await auditor.getByRole('button', { name: 'Verify' }).click();
  const result = auditor.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(auditor.getByTestId('verify-signature')).toContainText('Valid');

  // A copy with one byte of one file changed fails, naming that file.
  const files = unzipSync(new Uint8Array(readFileSync(packFile)));
  const csv = files['evidence/users.csv']!;
  csv[csv.length - 2] = csv[csv.length - 2]! ^ 1;
  const tampered = path.join(dir, 'tampered.zip');
  writeFileSync(tampered, zipSync(files, { mtime: new Date(1980, 0, 1) }));
  await auditor.getByLabel('Evidence pack (.zip)').setInputFiles(tampered);
  await auditor.getByRole('button', { name: 'Verify' }).click();
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(auditor.getByTestId('verify-problem').filter({ hasText: 'evidence/users.csv' })).toContainText('differs');
  await auditorContext.close();
});
