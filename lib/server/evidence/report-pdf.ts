import 'server-only';
import PDFDocument from 'pdfkit';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { CONTROL_STATE_LABELS, TSC_SOURCE } from '@/lib/domain/controls';
import type { PackReadmeInput } from '@/lib/domain/evidence/pack-readme';
import { formatFingerprint } from '@/lib/domain/evidence/signing';

/** report/report.pdf with pdfkit's built-in Helvetica: no browser, no font files of our own. */
export async function writeReportPdf(path: string, p: PackReadmeInput): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Evidence pack ${p.packId}`, Creator: 'ToolLedger' } });
  const out = createWriteStream(path);
  doc.pipe(out);
  doc.font('Helvetica-Bold').fontSize(18).text('SOC 2 evidence pack');
  doc.font('Helvetica').fontSize(10).moveDown(0.5);
  doc.text(`Period ${p.period.from} to ${p.period.to} (UTC). Generated ${p.generatedAt}. Pack ${p.packId}.`);
  doc.text(`Signing key ${p.keyId}, fingerprint ${formatFingerprint(p.fingerprint)}.`);
  doc.moveDown().font('Helvetica-Bold').fontSize(14).text('Control matrix');
  doc.font('Helvetica').fontSize(8).text(`Criteria ids from the ${TSC_SOURCE}.`).moveDown(0.5);
  for (const e of p.evaluations) {
    doc.font('Helvetica-Bold').fontSize(10).text(`${e.control.id}  ${CONTROL_STATE_LABELS[e.state]}  ${e.control.summary}`);
    doc.font('Helvetica').fontSize(9).text(e.control.evidencedBy);
    for (const f of e.findings) doc.text(`- ${f.state}: ${f.reason}`);
    const files = e.evidence.flatMap((k) => k.files.map((f) => `${f} (${p.records[f] ?? (k.kept ? 0 : 'not kept')})`));
    doc
      .fillColor('#555')
      .text(`Evidence: ${files.join(', ')}`)
      .fillColor('black')
      .moveDown(0.5);
  }
  doc.moveDown().font('Helvetica-Bold').fontSize(14).text('Completeness');
  doc.font('Helvetica').fontSize(9);
  if (p.missing.length === 0) doc.text('Nothing is missing.');
  for (const m of p.missing) doc.text(`- ${m.what}: ${m.why}`);
  doc.moveDown().font('Helvetica-Bold').fontSize(14).text('Evidence files');
  doc.font('Helvetica').fontSize(9);
  for (const [file, n] of Object.entries(p.records)) doc.text(`${file}: ${n} records`);
  doc.end();
  await finished(out);
}
