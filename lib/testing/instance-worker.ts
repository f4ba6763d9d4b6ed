// One app instance for lib/server/startup/two-instances.int.test.ts, run as its own Node process
// (tsx --conditions=react-server): the real startup (getDatabase: migrations; prepareInstance),
// then the real scheduler ticks and audit writer, as instrumentation.ts runs them, with a short
// interval. Prints JSON lines; waits for "go" on stdin between startup and ticking.
import { createInterface } from 'node:readline';
import { closeDatabase, getDatabase } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { runDueCheckpoint } from '@/lib/server/audit/checkpoint-scheduler';
import { runDueSyncs } from '@/lib/server/registries/sync-scheduler';
import { prepareInstanceExclusively } from '@/lib/server/startup/prepare-instance';
import { signInWithPassword } from '@/lib/server/users/sign-in-with-password';
import { SIGN_IN_SERVICE } from '@/lib/server/users/sign-in-service';

const name = process.env.INSTANCE_NAME ?? 'instance';
const intervalMinutes = Number(process.env.INSTANCE_INTERVAL_MINUTES ?? 0.05);
const windowMs = Number(process.env.INSTANCE_WINDOW_MS ?? 8000);
const writes = Number(process.env.INSTANCE_AUDIT_WRITES ?? 40);
/** Wrong-password sign-ins this instance makes for the shared first admin (the limit is shared). */
const failedSignIns = Number(process.env.INSTANCE_FAILED_SIGN_INS ?? 3);
const emit = (o: object) => process.stdout.write(`${JSON.stringify({ instance: name, ...o })}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const db = await getDatabase();
  await prepareInstanceExclusively(db);
  emit({ ready: true });
  await new Promise<void>((resolve) =>
    createInterface({ input: process.stdin }).on('line', (l) => l.trim() === 'go' && resolve()),
  );

  const actor = { type: 'SYSTEM' as const, label: `worker ${name}` };
  const writer = (async () => {
    for (let i = 0; i < writes; i++) {
      await db.prisma.$transaction((tx) =>
        recordAuditEvent(tx, actor, { action: 'tool.synced', entityType: 'Tool', entityId: `${name}-${i}`, after: { i } }),
      );
    }
  })();
  // Failed sign-ins through the real operation: each instance alone stays under the account limit.
  const signIns: string[] = [];
  for (let i = 0; i < failedSignIns; i++) {
    const result = await signInWithPassword({
      actor: SIGN_IN_SERVICE,
      input: { email: process.env.TOOLLEDGER_ADMIN_EMAIL ?? '', password: `wrong ${name} ${i}`, clientAddress: null },
    });
    signIns.push(result.ok ? 'ok' : result.reason);
  }
  let ticks = 0;
  const syncRuns: string[] = [];
  let checkpoints = 0;
  const until = Date.now() + windowMs;
  while (Date.now() < until) {
    // As instrumentation's schedulers do each minute, here every 100 ms.
    for (const run of await runDueSyncs({ intervalMinutes })) syncRuns.push(run.id);
    if (await runDueCheckpoint({ intervalMinutes })) checkpoints += 1;
    ticks += 1;
    await sleep(100);
  }
  await writer;
  emit({ done: true, ticks, syncRuns, checkpoints, signIns });
  await closeDatabase();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    emit({ error: err instanceof Error ? err.stack : String(err) });
    process.exit(1);
  },
);
