import { byPath, UNLISTED_FILES, type ManifestFile } from './manifest';

export type FileProblemKind = 'differs' | 'missing' | 'extra' | 'truncated';

export interface FileProblem {
  path: string;
  problem: FileProblemKind;
  detail: string;
}

/**
 * Compares what the manifest lists with what the archive holds: every file that differs, is
 * missing or is extra is named. The files that carry the manifest itself are not extras.
 */
export function compareFiles(listed: readonly ManifestFile[], found: readonly ManifestFile[]): FileProblem[] {
  const problems: FileProblem[] = [];
  const foundByPath = new Map(found.map((f) => [f.path, f]));
  const listedPaths = new Set(listed.map((f) => f.path));
  for (const want of [...listed].sort(byPath)) {
    const got = foundByPath.get(want.path);
    if (!got) problems.push({ path: want.path, problem: 'missing', detail: 'listed in the manifest, not in the archive' });
    else if (got.sha256 !== want.sha256 || got.size !== want.size) {
      problems.push({
        path: want.path,
        problem: 'differs',
        detail: `sha256 ${got.sha256} (${got.size} bytes), manifest says ${want.sha256} (${want.size} bytes)`,
      });
    }
  }
  for (const got of [...found].sort(byPath)) {
    if (!listedPaths.has(got.path) && !UNLISTED_FILES.includes(got.path)) {
      problems.push({ path: got.path, problem: 'extra', detail: 'in the archive, not in the manifest' });
    }
  }
  return problems;
}
