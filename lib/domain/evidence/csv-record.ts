/** A CSV field as the pack writes it: objects are JSON text by then, undefined is null. */
export type CsvCell = string | number | boolean | bigint | null | undefined;

const NEEDS_QUOTES = /[",\n\r]/;

/**
 * One CSV record with its newline, byte for byte what csv-stringify's `stringify([cells])` writes
 * with its default options (a unit test holds the two equal over arbitrary fields): quoted only
 * when a field holds a quote, comma, CR or LF, quotes doubled; true is "1", false, null and
 * undefined are empty. Written out because the pack writes a million rows and csv-stringify
 * allocates ~6 KB a row (an options context and a tuple per field), which at 1M invocation
 * totals was most of the build's garbage and so of its peak memory.
 */
export function csvRecord(cells: readonly CsvCell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    const v = cells[i];
    if (v === null || v === undefined || v === false) continue;
    const text = v === true ? '1' : typeof v === 'string' ? v : String(v);
    line += NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }
  return `${line}\n`;
}
