import 'server-only';
import type { ComplianceReportRow, ComplianceTotals } from '@/lib/domain/reports/compliance-report';
import { complianceReportCells } from '@/lib/domain/reports/compliance-report-columns';
import { VERIFICATION_STATE_LABELS, VERIFICATION_STATES } from '@/lib/domain/reports/compliance-report';
import { RISK_BAND_LABELS, RISK_BANDS } from '@/lib/domain/risk/score';
import { TIER_LABELS } from '@/lib/domain/tiers';
import { ENVIRONMENTS, ENVIRONMENT_LABELS, TIERS } from '@/lib/domain/types';
import { numberPages, pdfStream, type Pdf } from './pdf-stream';

export interface ComplianceReportPdfMeta {
  instance: string;
  generatedAt: Date;
  /** "All environments" or "Environment: Production". */
  filterLabel: string;
}

const COLUMNS = [
  ['tool', 'Tool and version', 150],
  ['environments', 'In use in', 90],
  ['verification', 'Verification', 58],
  ['tier', 'Tier (score)', 62],
  ['permissions', 'Permissions (max declared)', 150],
  ['exceptions', 'Exceptions covering it', 150],
  ['risk', 'Risk (residual)', 109],
] as const;

const FONT_SIZE = 7.5;
const PAD = 3;

function headerRow(doc: Pdf): void {
  const y = doc.y;
  let x = doc.page.margins.left;
  doc.font('Helvetica-Bold').fontSize(FONT_SIZE);
  for (const [, label, width] of COLUMNS) {
    doc.text(label, x, y, { width: width - PAD });
    x += width;
  }
  doc.y = y + doc.currentLineHeight() + PAD;
  doc
    .moveTo(doc.page.margins.left, doc.y - 1)
    .lineTo(doc.page.width - doc.page.margins.right, doc.y - 1)
    .strokeColor('#999')
    .stroke();
  doc.font('Helvetica');
}

function row(doc: Pdf, r: ComplianceReportRow): void {
  const cells = complianceReportCells(r);
  doc.font('Helvetica').fontSize(FONT_SIZE);
  const height = Math.max(...COLUMNS.map(([key, , width]) => doc.heightOfString(cells[key], { width: width - PAD }))) + PAD;
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
    headerRow(doc);
  }
  const y = doc.y;
  let x = doc.page.margins.left;
  for (const [key, , width] of COLUMNS) {
    doc.text(cells[key], x, y, { width: width - PAD });
    x += width;
  }
  doc.x = doc.page.margins.left;
  doc.y = y + height;
}

function totalsBlock(doc: Pdf, t: ComplianceTotals): void {
  const line = (label: string, value: string) =>
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  doc.fontSize(9);
  line('Tools in use', `${t.tools} (${t.versions} versions)`);
  line('Versions per environment', ENVIRONMENTS.map((e) => `${ENVIRONMENT_LABELS[e]} ${t.byEnvironment[e]}`).join(', '));
  line('Verification', VERIFICATION_STATES.map((s) => `${VERIFICATION_STATE_LABELS[s]} ${t.byVerification[s]}`).join(', '));
  line('Tier', TIERS.map((tier) => `${TIER_LABELS[tier]} ${t.byTier[tier]}`).join(', '));
  line('Under exception', `${t.versionsUnderException} versions, ${t.exceptions} approved exceptions in force`);
  line(
    'Risk (residual, per tool)',
    `${RISK_BANDS.map((b) => `${RISK_BAND_LABELS[b]} ${t.byRiskBand[b]}`).join(', ')}; not assessed ${t.unassessed}; reviews overdue ${t.reviewsOverdue}`,
  );
}

/**
 * The compliance report as a PDF (landscape A4, Helvetica: no browser, no font files), streamed:
 * a header naming the instance, the date and the filter, the totals, then the rows batch by
 * batch with the column header repeated on every page and "Page N" at every foot.
 */
export function complianceReportPdf(
  meta: ComplianceReportPdfMeta,
  totals: ComplianceTotals,
  batches: AsyncIterator<ComplianceReportRow[]>,
): ReadableStream<Uint8Array> {
  const stamp = meta.generatedAt.toISOString();
  let rowsWritten = 0;
  return pdfStream(
    {
      size: 'A4',
      layout: 'landscape',
      margin: 36,
      info: { Title: `Compliance report: ${meta.instance}`, Subject: meta.filterLabel, Creator: 'ToolLedger' },
    },
    (doc) => {
      numberPages(doc, `ToolLedger compliance report  ·  ${meta.instance}  ·  ${stamp}`);
      doc.font('Helvetica-Bold').fontSize(16).text(`Compliance report: ${meta.instance}`);
      doc.font('Helvetica').fontSize(9).moveDown(0.3);
      doc.text(`Generated ${stamp} (UTC). Filter: ${meta.filterLabel}.`);
      doc.text(
        'Every tool version in use (an active installation on an agent) with its verification, tier, declared permissions, the approved unexpired exceptions that cover it and its current risk assessment.',
      );
      doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text('Totals');
      totalsBlock(doc, totals);
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text('Tools in use');
      doc.moveDown(0.3);
      headerRow(doc);
    },
    async (doc) => {
      const next = await batches.next();
      if (next.done) {
        if (rowsWritten === 0) doc.font('Helvetica').fontSize(9).text('No tool is in use for this filter.');
        return false;
      }
      for (const r of next.value) row(doc, r);
      rowsWritten += next.value.length;
      return true;
    },
  );
}
