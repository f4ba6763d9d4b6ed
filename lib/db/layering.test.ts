import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 10.1: opening the database must not reach lib/demo or lib/server, which import lib/db
// back (client.ts → bootstrap.ts → lib/demo/seed.ts → lib/server/… → client.ts was the cycle).
const root = path.resolve(__dirname, '../..');
const IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;

function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/')
    ? path.join(root, spec.slice(2))
    : spec.startsWith('.')
      ? path.resolve(path.dirname(from), spec)
      : undefined;
  if (!base) return undefined; // a package
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((p) => existsSync(p) && !p.endsWith(path.sep));
}

/** Every project file reachable from `entry` through static and dynamic imports. */
function reachableFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveImport(file, m[1]!);
      if (target && target.match(/\.tsx?$/) && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

describe('lib/db layering', () => {
  const files = readdirSync(path.join(root, 'lib/db')).filter((f) => f.endsWith('.ts') && !f.includes('.test.'));
  it.each(files)('%s reaches neither lib/server nor lib/demo, nor itself', (file) => {
    const entry = path.join(root, 'lib/db', file);
    const reached = [...reachableFrom(entry)].map((p) => path.relative(root, p));
    expect(reached.filter((p) => p.startsWith('lib/server/') || p.startsWith('lib/demo/'))).toEqual([]);
    expect(reached).not.toContain(path.relative(root, entry));
  });
});
