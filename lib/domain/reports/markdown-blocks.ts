/**
 * A parser for the small Markdown subset the governance document is written in: headings,
 * paragraphs, bullet lists, pipe tables and `code` spans. The page renders the blocks as React
 * elements and the PDF writes them with pdfkit, so no HTML string is ever built from the text
 * (nothing to sanitize) and no Markdown package is needed. Anything else reads as a paragraph.
 */
export type Inline = { code: boolean; text: string };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: Inline[] }
  | { type: 'paragraph'; text: Inline[] }
  | { type: 'list'; items: Inline[][] }
  | { type: 'table'; head: Inline[][]; rows: Inline[][][] };

/** `a \`b\` c` → [a ][b (code)][ c]; an unmatched backtick is kept as text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /`([^`]+)`/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) out.push({ code: false, text: text.slice(at, m.index) });
    out.push({ code: true, text: m[1]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ code: false, text: text.slice(at) });
  return out;
}

export const inlineText = (parts: Inline[]) => parts.map((p) => p.text).join('');

const tableCells = (line: string) =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => parseInline(c.trim()));

const isTableLine = (line: string) => /^\s*\|.*\|\s*$/.test(line);
const isDivider = (line: string) => /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line);

export function parseMarkdownBlocks(markdown: string): Block[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1]!.length as 1 | 2 | 3, text: parseInline(heading[2]!.trim()) });
      i += 1;
      continue;
    }
    if (isTableLine(line) && i + 1 < lines.length && isDivider(lines[i + 1]!)) {
      const head = tableCells(line);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && isTableLine(lines[i]!)) rows.push(tableCells(lines[i++]!));
      blocks.push({ type: 'table', head, rows });
      continue;
    }
    if (/^\s*[-*]\s+/.test(line)) {
      const items: Inline[][] = [];
      while (i < lines.length && /^\s*[-*]\s+/.test(lines[i]!)) items.push(parseInline(lines[i++]!.replace(/^\s*[-*]\s+/, '')));
      blocks.push({ type: 'list', items });
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      lines[i]!.trim() !== '' &&
      !/^#{1,3}\s/.test(lines[i]!) &&
      !/^\s*[-*]\s+/.test(lines[i]!) &&
      !isTableLine(lines[i]!)
    )
      para.push(lines[i++]!.trim());
    if (para.length === 0) {
      // A lone table-looking line without a divider: keep it as text rather than loop forever.
      para.push(lines[i++]!.trim());
    }
    blocks.push({ type: 'paragraph', text: parseInline(para.join(' ')) });
  }
  return blocks;
}
