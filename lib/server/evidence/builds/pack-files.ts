import 'server-only';
import path from 'node:path';
import { env } from '@/lib/env';

/**
 * Where built packs live: TOOLLEDGER_EVIDENCE_DIR (ADR 0011). Several instances must share it
 * (a volume) for any instance to serve a download; the database row holds the SHA-256 that
 * proves the file is the one built.
 */
export function evidencePackDir(): string {
  return path.resolve(env().TOOLLEDGER_EVIDENCE_DIR);
}

export const packFileName = (buildId: string) => `${buildId}.zip`;

/** The archive of a build, and the work folder its sections are streamed to while it runs. */
export function packPaths(buildId: string, dir = evidencePackDir()) {
  const outFile = path.join(dir, packFileName(buildId));
  return { outFile, partial: `${outFile}.partial`, workDir: path.join(dir, `${buildId}.work`) };
}

/** The name a download gets: period and build id, nothing a header could choke on. */
export function downloadNameOf(build: { id: string; periodFrom: string; periodTo: string }): string {
  return `evidence-pack-${build.periodFrom}-to-${build.periodTo}-${build.id}.zip`.replace(/[^A-Za-z0-9._-]/g, '_');
}
