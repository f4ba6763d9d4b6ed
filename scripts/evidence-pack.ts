// `npm run evidence-pack -- --from YYYY-MM-DD --to YYYY-MM-DD [--env PRODUCTION] --out FILE`:
// builds an evidence pack from the command line, opening the database as the app does.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { databaseTargetFromEnv, getDatabase } from '@/lib/db/client';
import { processesHoldingDir } from '@/lib/db/reset-database';
import { env } from '@/lib/env';
import { buildPackFromCommandLine, parsePackArgs } from '@/lib/server/evidence/build-pack-cli';
import { prepareInstanceExclusively } from '@/lib/server/startup/prepare-instance';

async function main(): Promise<number> {
  const parsed = parsePackArgs(process.argv.slice(2));
  if ('error' in parsed) {
    console.error(
      `${parsed.error}\nusage: npm run evidence-pack -- --from YYYY-MM-DD --to YYYY-MM-DD [--env PRODUCTION] --out FILE`,
    );
    return 2;
  }
  const target = databaseTargetFromEnv();
  if (target.kind === 'pglite') {
    const holders = processesHoldingDir(target.dataDir);
    if (holders.length > 0) {
      console.error(
        `The embedded database in ${target.dataDir} is open in process ${holders.join(', ')} (the app?). ` +
          'PGlite allows one process at a time: stop the app, or build the pack in the app (Evidence → Evidence packs), ' +
          'or run ToolLedger on PostgreSQL (DATABASE_URL).',
      );
      return 1;
    }
  }
  const db = await getDatabase();
  await prepareInstanceExclusively(db);
  const packId = `cli-${randomBytes(6).toString('hex')}`;
  const workDir = path.join(path.resolve(env().TOOLLEDGER_EVIDENCE_DIR), `${packId}.work`);
  const result = await buildPackFromCommandLine(db.prisma, { ...parsed, packId, workDir, log: (l) => console.log(l) });
  if ('issues' in result) {
    for (const i of result.issues) console.error(`--${i.path}: ${i.message}`);
    return 2;
  }
  console.log(`Wrote ${parsed.out} (${result.size} bytes, sha256 ${result.sha256}), signed with key ${result.keyId}`);
  await db.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
