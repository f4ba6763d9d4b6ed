import 'server-only';
import type { GovernancePolicyDocument } from '@/lib/domain/reports/governance-policy';
import { inlineText, parseMarkdownBlocks, type Block, type Inline } from '@/lib/domain/reports/markdown-blocks';
import { numberPages, pdfStream, type Pdf } from './pdf-stream';

export interface GovernancePdfMeta {
  instance: string;
  generatedAt: Date;
}

const HEADING_SIZE = { 1: 18, 2: 13, 3: 11 } as const;

function inline(doc: Pdf, parts: Inline[], options: PDFKit.Mixins.TextOptions = {}): void {
  if (parts.length === 0) {
    doc.text('', options);
    return;
  }
  parts.forEach((p, i) => {
    doc.font(p.code ? 'Courier' : 'Helvetica').text(p.text, { ...options, continued: i < parts.length - 1 });
  });
  doc.font('Helvetica');
}

function table(doc: Pdf, block: Extract<Block, { type: 'table' }>): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const columns = block.head.length;
  // Hashes are long: the column holding one gets more room.
  const weights = block.head.map((_, c) => Math.max(...[block.head, ...block.rows].map((r) => inlineText(r[c] ?? []).length), 6));
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.max((w / sum) * width, width / (columns * 3)));
  const scale = width / widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => w * scale);
  const line = (cells: Inline[][], bold: boolean) => {
    doc.fontSize(7.5).font(bold ? 'Helvetica-Bold' : 'Helvetica');
    const texts = cols.map((_, c) => inlineText(cells[c] ?? []));
    const height = Math.max(...texts.map((t, c) => doc.heightOfString(t, { width: cols[c]! - 4 }))) + 3;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    texts.forEach((t, c) => {
      const code = (cells[c] ?? []).some((p) => p.code);
      doc.font(bold ? 'Helvetica-Bold' : code ? 'Courier' : 'Helvetica').text(t, x, y, { width: cols[c]! - 4 });
      x += cols[c]!;
    });
    doc.x = left;
    doc.y = y + height;
  };
  line(block.head, true);
  for (const r of block.rows) line(r, false);
  doc.moveDown(0.5);
}

function writeBlock(doc: Pdf, block: Block): void {
  const left = doc.page.margins.left;
  doc.x = left;
  switch (block.type) {
    case 'heading':
      doc.moveDown(block.level === 1 ? 0 : 0.6);
      doc.font('Helvetica-Bold').fontSize(HEADING_SIZE[block.level]).text(inlineText(block.text));
      doc.moveDown(0.3).font('Helvetica');
      return;
    case 'paragraph':
      doc.fontSize(9.5);
      inline(doc, block.text);
      doc.moveDown(0.5);
      return;
    case 'list':
      doc.fontSize(9.5);
      for (const item of block.items) inline(doc, [{ code: false, text: '-  ' }, ...item], { indent: 8 });
      doc.moveDown(0.5);
      return;
    case 'table':
      table(doc, block);
      return;
  }
}

/**
 * The governance document as a PDF, written from the same Markdown blocks the page renders. Its
 * header names the instance, the generation time, the policy versions and the SHA-256 of the
 * Markdown it renders (the document's version), so the PDF and the .md are provably the same text.
 */
export function governancePolicyPdf(meta: GovernancePdfMeta, document: GovernancePolicyDocument): ReadableStream<Uint8Array> {
  const blocks = parseMarkdownBlocks(document.markdown);
  let written = false;
  return pdfStream(
    {
      size: 'A4',
      margin: 48,
      info: {
        Title: `Agent tool governance policy: ${meta.instance}`,
        Subject: document.versionLabel,
        Creator: 'ToolLedger',
        // The date inside the file is the one printed on it (not the moment pdfkit ran).
        CreationDate: meta.generatedAt,
      },
    },
    (doc) => {
      numberPages(doc, `Governance policy  ·  ${meta.instance}  ·  ${document.versionLabel}`);
      doc.font('Helvetica').fontSize(8).fillColor('#444');
      doc.text(`Generated ${meta.generatedAt.toISOString()} (UTC) on ${meta.instance}.`);
      doc.text(`Markdown SHA-256: ${document.sha256}`);
      doc.fillColor('black').moveDown(0.8);
    },
    async (doc) => {
      if (written) return false;
      for (const b of blocks) writeBlock(doc, b);
      written = true;
      return true;
    },
  );
}
