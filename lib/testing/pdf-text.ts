// Test-only: reads back what pdfkit wrote, without a PDF library. pdfkit writes each line of
// text as `[<hex> kern <hex> …] TJ` inside (deflated) content streams, in the standard fonts'
// single-byte encoding; decoding those gives the text in writing order, one line per TJ.
import { inflateSync } from 'node:zlib';

function streams(pdf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream', at, 'latin1');
    if (start < 0) return out;
    // "endstream" also contains "stream": skip it.
    if (pdf.subarray(start - 3, start).toString('latin1') === 'end') {
      at = start + 6;
      continue;
    }
    const bodyStart = start + 6 + (pdf[start + 6] === 0x0d ? 2 : 1);
    const end = pdf.indexOf('endstream', bodyStart, 'latin1');
    if (end < 0) return out;
    const body = pdf.subarray(bodyStart, end);
    try {
      out.push(inflateSync(body));
    } catch {
      out.push(body);
    }
    at = end + 9;
  }
}

/** Every text line in the PDF, in the order written, joined with line breaks. */
export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  for (const s of streams(pdf)) {
    const text = s.toString('latin1');
    for (const m of text.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...m[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1'));
      lines.push(hex.join(''));
    }
  }
  return lines.join('\n');
}

export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page(?!s)/g) ?? []).length;
}

/** The information dictionary's /Title, written inline or (as pdfkit does) as an indirect object. */
export function pdfTitle(pdf: Buffer): string | null {
  const text = pdf.toString('latin1');
  const literal = String.raw`\(((?:\\.|[^\\)])*)\)`;
  const ref = /\/Title (\d+) 0 R/.exec(text);
  const m = ref ? new RegExp(`(?:^|\\n)${ref[1]} 0 obj\\s*${literal}`).exec(text) : new RegExp(`/Title ${literal}`).exec(text);
  return m ? m[1]!.replace(/\\(.)/g, '$1') : null;
}
