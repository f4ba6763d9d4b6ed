// `npm run demo:purge`: before a real deployment, deactivate the demo accounts (password cleared)
// and revoke the demo API keys, audited. The app refuses to start outside demo mode until done.
import { closeDatabase, getDatabase } from '@/lib/db/client';
import { purgeDemoAccounts } from '@/lib/server/startup/purge-demo-accounts';

async function main() {
  const db = await getDatabase();
  const result = await purgeDemoAccounts({ actor: { type: 'SYSTEM', label: 'demo:purge' }, input: {} }, { db: db.prisma });
  console.log(`Deactivated ${result.users.length} demo account(s)${result.users.length ? `: ${result.users.join(', ')}` : ''}.`);
  console.log(
    `Revoked ${result.keys.length} demo API key(s)${result.keys.length ? `: ${result.keys.map((p) => `${p}…`).join(', ')}` : ''}.`,
  );
  await closeDatabase();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
