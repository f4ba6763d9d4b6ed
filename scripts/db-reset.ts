// `npm run db:reset`: throw the database away and rebuild it as on a first start
// (migrations + demo data, or reference data + TOOLLEDGER_ADMIN_* admin when demo mode is off).
import { createInterface } from 'node:readline/promises';
import { databaseTargetFromEnv } from '@/lib/db/client';
import { DatabaseInUseError, describeTarget, resetDatabase } from '@/lib/db/reset-database';
import { isDemoMode } from '@/lib/env';
import { prepareInstanceExclusively } from '@/lib/server/startup/prepare-instance';

async function main() {
  const target = databaseTargetFromEnv();
  const what = `${describeTarget(target)} will be deleted and rebuilt with ${isDemoMode() ? 'the demo data' : 'the reference data only'}.`;
  const yes = process.argv.includes('--yes') || process.argv.includes('-y');
  if (process.stdin.isTTY && !yes) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`${what}\nEverything in it, audit trail included, is lost. Continue? [y/N] `);
    rl.close();
    if (!/^y(es)?$/i.test(answer.trim())) {
      console.log('Nothing changed.');
      return;
    }
  } else {
    console.log(what);
  }
  await resetDatabase(target, { log: (line) => console.log(line), prepare: prepareInstanceExclusively });
  console.log('Done.');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof DatabaseInUseError ? err.message : err);
    process.exit(1);
  },
);
