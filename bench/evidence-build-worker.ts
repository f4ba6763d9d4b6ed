// Child of bench/evidence.bench.ts: one evidence pack build through the job runner, in a fresh
// process, so the RSS it samples is the builder's alone (the parent's inserting leaves garbage a
// Node process never hands back). Prints one JSON line with the figures.
import { setDatabaseForProcess } from '@/lib/db/client';
import { openDatabase, type DatabaseTarget } from '@/lib/db/driver';
import { reloadEnv } from '@/lib/env';
import { runPendingBuilds } from '@/lib/server/evidence/builds/pack-runner';
import { requestEvidencePackBuild } from '@/lib/server/evidence/builds/request-evidence-pack-build';

async function main() {
  reloadEnv();
  const target = JSON.parse(process.env.BENCH_TARGET!) as DatabaseTarget;
  const officer = JSON.parse(process.env.BENCH_OFFICER!) as { id: string; email: string };
  const period = JSON.parse(process.env.BENCH_PERIOD!) as { from: string; to: string };
  const db = await openDatabase(target);
  setDatabaseForProcess(db);
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  const t0 = performance.now();
  const actor = { type: 'USER' as const, id: officer.id, label: officer.email, role: 'COMPLIANCE_OFFICER' as const };
  const build = await requestEvidencePackBuild({ actor, input: period }, { db: db.prisma });
  const results = await runPendingBuilds({ db: db.prisma, runnerId: 'bench', dir: process.env.BENCH_PACK_DIR! }, 1);
  const ms = performance.now() - t0;
  clearInterval(timer);
  const row = await db.prisma.evidencePackBuild.findUniqueOrThrow({ where: { id: build.id } });
  await db.close();
  console.log(
    JSON.stringify({
      state: results[build.id],
      error: row.error,
      ms,
      baseline,
      peak: Math.max(peak, process.memoryUsage().rss),
      size: row.sizeBytes ?? 0,
      records: row.recordsTotal ?? 0,
    }),
  );
}

void main();
