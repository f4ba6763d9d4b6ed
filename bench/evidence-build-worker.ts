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
  // Per step (section, report, signature, archive): seconds, peak RSS and peak V8 heap, so a
  // regression points at its section (BENCH_EVIDENCE_PROFILE=1 has the parent print them).
  const steps: { step: string; ms: number; rss: number; heap: number }[] = [];
  let current: { step: string; t0: number; rss: number; heap: number } | null = null;
  const closeStep = () => {
    if (current) steps.push({ step: current.step, ms: performance.now() - current.t0, rss: current.rss, heap: current.heap });
  };
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    if (current) {
      current.rss = Math.max(current.rss, m.rss);
      current.heap = Math.max(current.heap, m.heapUsed);
    }
  }, 25);
  const t0 = performance.now();
  const actor = { type: 'USER' as const, id: officer.id, label: officer.email, role: 'COMPLIANCE_OFFICER' as const };
  const build = await requestEvidencePackBuild({ actor, input: period }, { db: db.prisma });
  const results = await runPendingBuilds(
    {
      db: db.prisma,
      runnerId: 'bench',
      dir: process.env.BENCH_PACK_DIR!,
      onStep: (_done, _total, step) => {
        closeStep();
        const m = process.memoryUsage();
        current = { step, t0: performance.now(), rss: m.rss, heap: m.heapUsed };
      },
    },
    1,
  );
  const ms = performance.now() - t0;
  closeStep();
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
      steps,
    }),
  );
}

void main();
