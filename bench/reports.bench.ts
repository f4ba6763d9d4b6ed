// Compliance report with 5,000 tools in use (issue 13 point 4): time and peak memory of the page's
// read (one page of rows + totals over all) and of the streamed PDF, read to the end as a
// download would. REPORTS_BENCH_TOOLS scales it. The PDF must paginate and stream: the figures
// printed are its pages, its size, and the process's peak RSS while writing it.
import { loadavg } from 'node:os';
import { onEachDatabase } from './databases';
import type { Database } from '@/lib/db/driver';
import { applyMigrations } from '@/lib/db/migrate';
import { setDatabaseForProcess } from '@/lib/db/client';
import { createBulkCatalog } from '@/lib/testing/bulk-catalog';
import { pdfPageCount } from '@/lib/testing/pdf-text';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { downloadComplianceReportPdf } from '@/lib/server/reports/download-compliance-report-pdf';
import { getComplianceReport } from '@/lib/server/reports/get-compliance-report';

const TOOLS = Number(process.env.REPORTS_BENCH_TOOLS ?? 5_000);
const MiB = 1024 * 1024;
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;

/** Peak RSS while `fn` runs, sampled every 20 ms. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peak: number; ms: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, peak: Math.max(peak, process.memoryUsage().rss), ms: performance.now() - t0 };
  } finally {
    clearInterval(timer);
  }
}

async function run(label: string, db: Database): Promise<boolean> {
  console.log(`\n--- ${label} ---`);
  await applyMigrations(db);
  setDatabaseForProcess(db);
  await createBulkCatalog(db.prisma, { tools: TOOLS, versionsPerTool: 1, installRatio: 1 });
  // Every tool in use: each one's installation active.
  await db.prisma.installation.updateMany({ data: { state: 'ACTIVE' } });
  const inUse = await db.prisma.installation.count({ where: { state: 'ACTIVE' } });
  console.log(`${inUse} tool versions in use; ${load()}`);
  const before = process.memoryUsage().rss;

  const page = await withPeakRss(() => getComplianceReport({ actor: SYSTEM_ACTOR, input: {} }));
  console.log(
    `page read (50 rows + totals over ${page.value.total}): ${page.ms.toFixed(0)} ms, peak RSS ${(page.peak / MiB).toFixed(0)} MiB`,
  );

  const pdf = await withPeakRss(async () => {
    const { body } = await downloadComplianceReportPdf({ actor: SYSTEM_ACTOR, input: {} });
    const reader = body.getReader();
    const chunks: Buffer[] = [];
    let size = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      size += r.value.length;
      chunks.push(Buffer.from(r.value));
    }
    return { size, bytes: Buffer.concat(chunks) };
  });
  // The bench keeps the bytes to count pages after the fact; a download hands them on instead.
  const pages = pdfPageCount(pdf.value.bytes);
  console.log(
    `PDF: ${pages} pages, ${(pdf.value.size / MiB).toFixed(1)} MiB in ${(pdf.ms / 1000).toFixed(1)} s; peak RSS ${(pdf.peak / MiB).toFixed(0)} MiB (${((pdf.peak - before) / MiB).toFixed(0)} MiB over the start, the PDF's own bytes included)`,
  );
  console.log(load());
  const ok = page.value.total === inUse && pages > 1;
  console.log(ok ? 'PASS: every version in use is in the report and the PDF paginates' : 'FAIL');
  return ok;
}

onEachDatabase(run)
  .then((ok) => process.exit(ok ? 0 : 1))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
