import 'server-only';
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { evidenceKind } from '@/lib/domain/controls';
import { csvRecord, type CsvCell } from '@/lib/domain/evidence/csv-record';
import type { ManifestFile } from '@/lib/domain/evidence/manifest';
import { throwIfCancelled } from './pack-cancelled';
import type { EvidenceSection, Row, SectionContext } from './sections/types';

/** A file written to the pack's work folder, hashed on the way so it is never read twice. */
class HashedFile {
  private hash = createHash('sha256');
  private size = 0;
  private stream: WriteStream;
  constructor(
    private root: string,
    readonly path: string,
  ) {
    this.stream = createWriteStream(`${root}/${path}`);
  }
  async write(text: string | Uint8Array): Promise<void> {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    this.hash.update(bytes);
    this.size += bytes.length;
    if (!this.stream.write(bytes)) await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }
  async close(): Promise<ManifestFile> {
    this.stream.end();
    await finished(this.stream);
    return { path: this.path, sha256: this.hash.digest('hex'), size: this.size };
  }
}

export async function writeTextFile(root: string, relative: string, text: string): Promise<ManifestFile> {
  await mkdir(path.dirname(`${root}/${relative}`), { recursive: true });
  const file = new HashedFile(root, relative);
  await file.write(text);
  return file.close();
}

/** A text or a byte stream (a PDF) written and hashed chunk by chunk. */
export async function writeBodyFile(
  root: string,
  relative: string,
  body: string | ReadableStream<Uint8Array>,
): Promise<ManifestFile> {
  if (typeof body === 'string') return writeTextFile(root, relative, body);
  await mkdir(path.dirname(`${root}/${relative}`), { recursive: true });
  const file = new HashedFile(root, relative);
  const reader = body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) await file.write(r.value);
  return file.close();
}

const cell = (v: Row[string]): CsvCell => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v);

export interface WrittenSection {
  files: ManifestFile[];
  /** Records per file path. */
  records: Record<string, number>;
}

/**
 * Streams one section into its CSV and JSON files in a single pass over the rows. The JSON file
 * is `{ kind, period, columns, records: [...], summary? }` with keys in column order.
 */
export async function writeSection(
  root: string,
  section: EvidenceSection,
  ctx: SectionContext,
  period: { from: string; to: string },
): Promise<WrittenSection> {
  await mkdir(`${root}/evidence`, { recursive: true });
  const [jsonPath, csvPath] = [`evidence/${section.kind}.json`, `evidence/${section.kind}.csv`];
  const head = { kind: section.kind, label: evidenceKind(section.kind).label, period };
  if (section.shape === 'document') {
    const doc = await section.document(ctx);
    const files = [await writeTextFile(root, jsonPath, `${JSON.stringify({ ...head, result: doc }, null, 2)}\n`)];
    for (const a of (await section.attachments?.(ctx)) ?? []) files.push(await writeBodyFile(root, a.path, a.body));
    return { files, records: Object.fromEntries(files.map((f) => [f.path, 1])) };
  }
  const csv = new HashedFile(root, csvPath);
  const json = new HashedFile(root, jsonPath);
  await csv.write(csvRecord(section.columns));
  await json.write(`${JSON.stringify({ ...head, columns: section.columns }).slice(0, -1)},"records":[`);
  // Rows go out 256 at a time: a write (encode, hash, stream) per row cost more than the
  // formatting itself over a million rows.
  let count = 0;
  let csvText = '';
  let jsonText = '';
  const flush = async () => {
    if (csvText) await csv.write(csvText);
    if (jsonText) await json.write(jsonText);
    csvText = '';
    jsonText = '';
  };
  for await (const row of section.rows(ctx)) {
    // A cancelled build stops mid-section too: an audit trail of millions of rows takes minutes.
    if (count % 256 === 0) {
      await flush();
      throwIfCancelled(ctx.signal);
    }
    // Keys in column order, built in place: Object.fromEntries over entry pairs allocated ~1 KB a
    // row, and every byte allocated per row is garbage the build's peak memory carries.
    const ordered: Row = {};
    for (const c of section.columns) ordered[c] = row[c] ?? null;
    csvText += csvRecord(section.columns.map((c) => cell(ordered[c] as Row[string])));
    jsonText += `${count === 0 ? '\n' : ',\n'}${JSON.stringify(ordered)}`;
    count += 1;
  }
  await flush();
  const summary = section.summary ? `,"summary":${JSON.stringify(await section.summary(ctx))}` : '';
  await json.write(`${count ? '\n' : ''}]${summary}}\n`);
  const files = [await csv.close(), await json.close()];
  return { files, records: { [csvPath]: count, [jsonPath]: count } };
}
