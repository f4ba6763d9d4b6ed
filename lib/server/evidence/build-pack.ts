import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { PrismaClient } from '@prisma/client';
import { EVIDENCE_KINDS, evaluateControls, evidenceKind } from '@/lib/domain/controls';
import {
  PACK_FORMAT,
  PUBLIC_KEY_PATH,
  serializeManifest,
  SHA256SUMS_PATH,
  sha256sums,
  SIGNATURE_PATH,
  MANIFEST_PATH,
  type ManifestFile,
} from '@/lib/domain/evidence/manifest';
import { buildOscalAssessmentResults } from '@/lib/domain/evidence/oscal';
import { packReadme, type PackReadmeInput } from '@/lib/domain/evidence/pack-readme';
import { reportHtml } from '@/lib/domain/evidence/report-html';
import { sha256Hex, signManifest } from '@/lib/domain/evidence/signing';
import { createPackZip } from '@/lib/domain/evidence/zip-writer';
import { gatherControlFacts } from '@/lib/server/controls/gather-control-facts';
import { PackCancelled, throwIfCancelled } from './pack-cancelled';
import { writeReportPdf } from './report-pdf';
import { EVIDENCE_SECTIONS, type PackScope } from './sections';
import { activeSigningKey } from './signing-key';
import { writeSection, writeTextFile } from './write-section';

export { PackCancelled } from './pack-cancelled';

export interface BuildPackInput {
  packId: string;
  scope: PackScope;
  /** The period's first and last day, YYYY-MM-DD. */
  period: { from: string; to: string };
  generatedAt: Date;
  /** Where the archive goes; written as `<outFile>.partial` and renamed only once complete. */
  outFile: string;
  workDir: string;
  onProgress?: (done: number, total: number, step: string) => Promise<void>;
  /** Asked between steps: true stops the build (PackCancelled) and leaves nothing behind. */
  shouldCancel?: () => Promise<boolean>;
  /** Aborted = stop inside a section too (checked every few hundred rows and between archive entries). */
  signal?: AbortSignal;
}

export interface BuiltPack {
  sha256: string;
  size: number;
  keyId: string;
  summary: { filesTotal: number; recordsTotal: number; missing: { what: string; why: string }[] };
}

export const PACK_STEPS = EVIDENCE_SECTIONS.length + 3;

function omissions(scope: PackScope): { what: string; why: string }[] {
  const notKept = EVIDENCE_KINDS.filter((k) => !k.kept).map((k) => ({
    what: k.label,
    why: 'this ToolLedger release does not record them yet, so the pack cannot contain them',
  }));
  const notes = [
    {
      what: 'Allowed enforcement decisions',
      why: 'given as totals in evidence/enforcement-decisions.json; every deny is listed in full',
    },
    {
      what: 'Inventory attributes',
      why: "tier, score and permissions are the tools' current values; their history is in the audit trail",
    },
  ];
  if (scope.environments.length || scope.toolIds.length) {
    notes.push({
      what: 'Scope',
      why: 'users, API keys, sync runs and the audit trail cover the whole instance whatever the scope',
    });
  }
  return [...notKept, ...notes];
}

async function zipFolder(root: string, outFile: string, signal?: AbortSignal): Promise<{ sha256: string; size: number }> {
  const paths = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
  const out = createWriteStream(outFile);
  const zip = createPackZip((chunk) => out.write(chunk));
  for (const p of paths) {
    if (signal?.aborted) {
      out.destroy();
      throwIfCancelled(signal);
    }
    const entry = zip.entry(p);
    let previous: Buffer | null = null;
    for await (const chunk of createReadStream(`${root}/${p}`, { highWaterMark: 256 * 1024 })) {
      if (previous) entry.push(previous, false);
      previous = chunk as Buffer;
      if (out.writableNeedDrain) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    entry.push(previous ?? new Uint8Array(0), true);
  }
  await zip.finish();
  out.end();
  await finished(out);
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(outFile)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Builds one evidence pack: each section streamed to a work folder, the control matrix, report
 * and OSCAL document, the signed manifest, then one deterministic zip. The archive only gets its
 * final name once complete; a cancelled or failed build leaves neither it nor the work folder.
 */
export async function buildEvidencePack(db: PrismaClient, input: BuildPackInput): Promise<BuiltPack> {
  const { scope, period, workDir } = input;
  const step = async (done: number, label: string) => {
    if ((await input.shouldCancel?.()) || input.signal?.aborted) throw new PackCancelled('cancelled');
    await input.onProgress?.(done, PACK_STEPS, label);
  };
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  try {
    const files: ManifestFile[] = [];
    const records: Record<string, number> = {};
    /** Files a section wrote beyond its kind's fixed ones (the governance documents, named by version). */
    const extra = new Map<string, string[]>();
    for (const [i, section] of EVIDENCE_SECTIONS.entries()) {
      await step(i, `Writing ${section.kind}`);
      const ctx = { db, scope, signal: input.signal, generatedAt: input.generatedAt };
      const written = await writeSection(workDir, section, ctx, period);
      files.push(...written.files);
      Object.assign(records, written.records);
      const fixed = new Set(evidenceKind(section.kind).files);
      extra.set(
        section.kind,
        written.files.map((f) => f.path).filter((p) => !fixed.has(p)),
      );
    }
    await step(EVIDENCE_SECTIONS.length, 'Control matrix and report');
    const asOf = new Date(Math.min(scope.to.getTime(), input.generatedAt.getTime()));
    // The control matrix (report, README, OSCAL) names every file behind a criterion, these too.
    const evaluations = evaluateControls(await gatherControlFacts(db, { from: scope.from, to: asOf })).map((e) => ({
      ...e,
      evidence: e.evidence.map((k) => ({ ...k, files: [...k.files, ...(extra.get(k.kind) ?? [])] })),
    }));
    const key = await activeSigningKey(db, input.generatedAt);
    const generatedAt = input.generatedAt.toISOString();
    const meta: PackReadmeInput = {
      packId: input.packId,
      period,
      scope: { environments: [...scope.environments], toolIds: [...scope.toolIds] },
      generatedAt,
      keyId: key.id,
      fingerprint: key.fingerprint,
      evaluations,
      records,
      missing: omissions(scope),
    };
    const oscal = buildOscalAssessmentResults({
      generatedAt,
      period,
      start: scope.from.toISOString(),
      end: scope.to.toISOString(),
      packId: input.packId,
      evaluations,
      uuid: randomUUID,
    });
    files.push(await writeTextFile(workDir, 'oscal/assessment-results.json', `${JSON.stringify(oscal, null, 2)}\n`));
    files.push(await writeTextFile(workDir, 'report/report.html', reportHtml(meta)));
    await writeReportPdf(`${workDir}/report/report.pdf`, meta);
    files.push(await writeTextFile(workDir, 'README.md', packReadme(meta)));
    const pdf = await readFile(`${workDir}/report/report.pdf`);
    files.push({ path: 'report/report.pdf', sha256: sha256Hex(pdf), size: pdf.length });
    await step(EVIDENCE_SECTIONS.length + 1, 'Signing the manifest');
    files.push(await writeTextFile(workDir, SHA256SUMS_PATH, sha256sums(files)));
    const manifest = serializeManifest({
      format: PACK_FORMAT,
      packId: input.packId,
      generatedAt,
      period,
      scope: meta.scope,
      keyId: key.id,
      keyFingerprint: key.fingerprint,
      files,
    });
    await writeTextFile(workDir, MANIFEST_PATH, manifest);
    await writeTextFile(workDir, PUBLIC_KEY_PATH, key.publicKeyPem);
    await writeFile(`${workDir}/${SIGNATURE_PATH}`, signManifest(Buffer.from(manifest, 'utf8'), key.privateKey));
    await step(EVIDENCE_SECTIONS.length + 2, 'Writing the archive');
    await mkdir(path.dirname(input.outFile), { recursive: true });
    const partial = `${input.outFile}.partial`;
    const archive = await zipFolder(workDir, partial, input.signal);
    await rename(partial, input.outFile);
    const recordsTotal = Object.entries(records)
      .filter(([p]) => p.endsWith('.json'))
      .reduce((a, [, n]) => a + n, 0);
    return { ...archive, keyId: key.id, summary: { filesTotal: files.length, recordsTotal, missing: [...meta.missing] } };
  } catch (err) {
    await rm(`${input.outFile}.partial`, { force: true });
    throw err;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
