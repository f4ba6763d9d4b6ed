// Until the first release, the schema's tables live in one init migration regenerated from
// prisma/schema (prisma migrate dev does not work offline here; migrate diff does).
// After a release, add new migrations with `prisma migrate diff --from-migrations ... --script` instead.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';

const dir = readdirSync('prisma/migrations').filter((d) => d.endsWith('_init')).sort()[0];
if (!dir) throw new Error('no *_init migration folder');
const sql = execFileSync('npx', ['prisma', 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema', '--script'], { encoding: 'utf8' });
writeFileSync(`prisma/migrations/${dir}/migration.sql`, sql);
console.log(`wrote prisma/migrations/${dir}/migration.sql`);
