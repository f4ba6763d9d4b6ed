import 'server-only';
import PDFDocument from 'pdfkit';

export type Pdf = PDFKit.PDFDocument;

/**
 * A pdfkit document as a web stream that writes on demand: each time the reader wants bytes,
 * `next(doc)` adds the next part (a batch of rows) and the pages pdfkit finished are handed on.
 * With pdfkit's default (no page buffering) a finished page is written out and dropped, so
 * memory holds the current page and one batch, whatever the length of the report.
 */
export function pdfStream(
  options: PDFKit.PDFDocumentOptions,
  setup: (doc: Pdf) => void,
  next: (doc: Pdf) => Promise<boolean>,
): ReadableStream<Uint8Array> {
  const doc = new PDFDocument(options);
  const queue: Buffer[] = [];
  let ended = false;
  let finished = false;
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => {
      finished = true;
      resolve();
    });
    doc.on('error', reject);
  });
  doc.on('data', (chunk: Buffer) => queue.push(chunk));
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          setup(doc);
        }
        while (queue.length === 0 && !finished) {
          if (ended) {
            await done;
            break;
          }
          if (!(await next(doc))) {
            ended = true;
            doc.end();
          }
        }
        while (queue.length) controller.enqueue(new Uint8Array(queue.shift()!));
        if (finished) controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
  });
}

/**
 * "Page N" and a running title at the foot of every page, written as each page starts (the
 * total is unknown while streaming). The bottom margin is lifted while writing so the footer
 * itself never spills onto a new page.
 */
export function numberPages(doc: Pdf, footer: string): void {
  let page = 0;
  const write = () => {
    page += 1;
    const bottom = doc.page.margins.bottom;
    const { x, y } = doc;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#666')
      .text(`${footer}  ·  Page ${page}`, doc.page.margins.left, doc.page.height - bottom / 2 - 4, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      })
      .fillColor('black');
    doc.page.margins.bottom = bottom;
    doc.x = x;
    doc.y = y;
  };
  write();
  doc.on('pageAdded', write);
}

/** Streams a web stream to bytes (tests and the evidence pack read small documents whole). */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  return Buffer.concat(parts);
}
