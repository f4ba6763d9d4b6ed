/**
 * The layering rules of eslint.config.mjs catch what they promise (issue 10 point 1): each probe
 * is linted as if it lived at the given path, with the project's real configuration.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

// import/no-cycle reads the importing file from disk, which a probe is not: it gets its own
// probe below, on real files.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: { rules: { 'import/no-cycle': 'off' } } });
const withCycles = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string, linter = eslint): Promise<string[]> {
  const [result] = await linter.lintText(code, { filePath: path.join(process.cwd(), filePath) });
  return [...new Set(result!.messages.map((m) => m.ruleId ?? 'fatal'))].sort();
}

const RESTRICTED = '@typescript-eslint/no-restricted-imports';

describe('layering rules', { timeout: 120_000 }, () => {
  it.each([
    [
      'a page importing the database',
      'app/(dashboard)/probe/page.tsx',
      `import { getPrisma } from '@/lib/db/client';\nexport const p = getPrisma;\n`,
      [RESTRICTED],
    ],
    [
      'a component importing the database lazily',
      'components/probe.tsx',
      `export const p = () => import('@/lib/db/client');\n`,
      ['no-restricted-syntax'],
    ],
    [
      'a route holding a Prisma client',
      'app/api/probe/route.ts',
      `import { PrismaClient } from '@prisma/client';\nexport const c = PrismaClient;\n`,
      [RESTRICTED],
    ],
    [
      'a route using Prisma types only',
      'app/api/probe/route.ts',
      `import type { Role } from '@prisma/client';\nexport type R = Role;\n`,
      [],
    ],
    [
      'lib/db importing lib/server',
      'lib/db/probe.ts',
      `import { SYSTEM_ACTOR } from '@/lib/server/actor';\nexport const a = SYSTEM_ACTOR;\n`,
      [RESTRICTED],
    ],
    [
      'lib/db importing lib/demo lazily',
      'lib/db/probe.ts',
      `export const s = () => import('@/lib/demo/seed');\n`,
      ['no-restricted-syntax'],
    ],
    [
      'lib/domain reading files',
      'lib/domain/probe.ts',
      `import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n`,
      [RESTRICTED],
    ],
    ['lib/domain opening sockets', 'lib/domain/probe.ts', `import net from 'net';\nexport const n = net;\n`, [RESTRICTED]],
    ['lib/domain using pg', 'lib/domain/probe.ts', `import pg from 'pg';\nexport const p = pg;\n`, [RESTRICTED]],
    [
      'lib/domain using the Prisma runtime',
      'lib/domain/probe.ts',
      `import { Prisma } from '@prisma/client';\nexport const p = Prisma;\n`,
      [RESTRICTED],
    ],
    [
      'lib/domain using next',
      'lib/domain/probe.ts',
      `import { headers } from 'next/headers';\nexport const h = headers;\n`,
      [RESTRICTED],
    ],
    [
      'lib/domain using react',
      'lib/domain/probe.ts',
      `import { useState } from 'react';\nexport const u = useState;\n`,
      [RESTRICTED],
    ],
    [
      'lib/domain calling fetch',
      'lib/domain/probe.ts',
      `export const f = () => fetch('https://example.test');\n`,
      ['no-restricted-globals'],
    ],
    [
      'lib/domain hashing and using Prisma types',
      'lib/domain/probe.ts',
      `import { createHash } from 'node:crypto';\nimport type { Role } from '@prisma/client';\nexport const h = createHash;\nexport type R = Role;\n`,
      [],
    ],
  ])('%s', async (_what, file, code, expected) => {
    expect(await ruleIds(file, code)).toEqual(expected);
  });

  describe('import cycles', () => {
    const dir = path.join(process.cwd(), 'lib', 'testing', '.cycle-probe');
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('fails on a cycle, a lazy import() included, and passes once it is broken', async () => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'a.ts'), `import { b } from './b';\nexport const a = () => b;\n`);
      writeFileSync(path.join(dir, 'b.ts'), `export const b = async () => (await import('./a')).a;\n`);
      const a = `import { b } from './b';\nexport const a = () => b;\n`;
      expect(await ruleIds('lib/testing/.cycle-probe/a.ts', a, withCycles)).toContain('import/no-cycle');
      writeFileSync(path.join(dir, 'b.ts'), `export const b = () => 1;\n`);
      expect(await ruleIds('lib/testing/.cycle-probe/a.ts', a, withCycles)).toEqual([]);
    });
  });
});
