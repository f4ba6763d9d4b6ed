// Writes a new migration for what prisma/schema changed since the last commit that touched the
// migrations: `npm run db:migration:new -- add_policy_exceptions`. The released init migration
// is never regenerated. Prisma's `--from-migrations` needs a shadow database, which the JS schema
// engine cannot use here, so the diff starts from the schema as it stood at that commit.
// Raw SQL the datamodel cannot express (triggers, grants) is added to the file by hand.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
  console.error('usage: npm run db:migration:new -- <snake_case_name>');
  process.exit(2);
}
const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const base = process.env.MIGRATION_BASE ?? git('log', '-1', '--format=%H', '--', 'prisma/migrations');
const dir = mkdtempSync(path.join(tmpdir(), 'schema-base-'));
try {
  execFileSync('sh', ['-c', `git archive ${base} prisma/schema | tar -x -C "${dir}"`]);
  const sql = execFileSync(
    'npx',
    [
      'prisma',
      'migrate',
      'diff',
      '--from-schema-datamodel',
      path.join(dir, 'prisma/schema'),
      '--to-schema-datamodel',
      'prisma/schema',
      '--script',
    ],
    { encoding: 'utf8' },
  );
  if (sql.includes('This is an empty migration')) {
    console.error('prisma/schema has not changed since', base.slice(0, 8));
    process.exit(1);
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const target = `prisma/migrations/${stamp}_${name}`;
  mkdirSync(target);
  writeFileSync(`${target}/migration.sql`, sql);
  console.log(`wrote ${target}/migration.sql`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
