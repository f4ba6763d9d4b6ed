import { createHash } from 'node:crypto';
import { Inflate } from 'fflate';
import { byPath } from './manifest';

/**
 * Reads an evidence-pack archive from its bytes without trusting it: a missing central directory
 * (truncated download), an entry whose data is cut off, or entries re-packed by another zip tool
 * (other order, other timestamps) are reported with the entry's name rather than thrown.
 */
export interface ZipEntry {
  path: string;
  /** Size and SHA-256 (hex) of the entry's content, taken while it is inflated. */
  size: number;
  sha256: string;
  /** The content itself, only for the entries the caller asked to keep (readZip's `keep`). */
  data?: Uint8Array;
}

export interface ZipProblem {
  path: string;
  problem: 'truncated' | 'repacked' | 'unreadable';
  detail: string;
}

export interface ZipContents {
  entries: ZipEntry[];
  problems: ZipProblem[];
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DESCRIPTOR = 0x08074b50;
/** DOS date of 1980-01-01 and time 00:00:00, what ToolLedger writes on every entry. */
const FIXED_DOS_DATE = (1 << 5) | 1;
const FIXED_DOS_TIME = 0;

interface EntryHeader {
  path: string;
  method: number;
  compressedSize: number;
  dataStart: number;
  dosTime: number;
  dosDate: number;
}

const decoder = new TextDecoder();

function findEnd(view: DataView): number {
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === END) return i;
  }
  return -1;
}

function localHeader(bytes: Uint8Array, view: DataView, offset: number): { path: string; dataStart: number } | null {
  if (offset + 30 > bytes.length || view.getUint32(offset, true) !== LOCAL) return null;
  const nameLength = view.getUint16(offset + 26, true);
  const extraLength = view.getUint16(offset + 28, true);
  const path = decoder.decode(bytes.subarray(offset + 30, offset + 30 + nameLength));
  return { path, dataStart: offset + 30 + nameLength + extraLength };
}

/** Entries listed by the central directory (the archive is complete). */
function centralEntries(bytes: Uint8Array, view: DataView, end: number): EntryHeader[] {
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const headers: EntryHeader[] = [];
  for (let i = 0; i < count && at + 46 <= bytes.length && view.getUint32(at, true) === CENTRAL; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = localHeader(bytes, view, view.getUint32(at + 42, true));
    const path = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    headers.push({
      path,
      method: view.getUint16(at + 10, true),
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      compressedSize: view.getUint32(at + 20, true),
      dataStart: local?.dataStart ?? -1,
    });
    at += 46 + skip;
  }
  return headers;
}

/** Without a central directory: the entries that are whole, up to the first one cut off. */
function walkLocalEntries(bytes: Uint8Array, view: DataView): { headers: EntryHeader[]; cutOff: string | null } {
  const headers: EntryHeader[] = [];
  let at = 0;
  for (;;) {
    const local = localHeader(bytes, view, at);
    if (!local) return { headers, cutOff: null };
    const flags = view.getUint16(at + 6, true);
    let size = view.getUint32(at + 18, true);
    let next = local.dataStart + size;
    if (flags & 8) {
      // Sizes follow the data in a descriptor: find the one whose size matches its distance.
      let found = -1;
      for (let i = local.dataStart; i + 16 <= bytes.length; i++) {
        if (view.getUint32(i, true) === DESCRIPTOR && view.getUint32(i + 8, true) === i - local.dataStart) {
          found = i;
          break;
        }
      }
      if (found < 0) return { headers, cutOff: local.path };
      size = found - local.dataStart;
      next = found + 16;
    } else if (next > bytes.length) return { headers, cutOff: local.path };
    headers.push({
      path: local.path,
      method: view.getUint16(at + 8, true),
      dosTime: view.getUint16(at + 10, true),
      dosDate: view.getUint16(at + 12, true),
      compressedSize: size,
      dataStart: local.dataStart,
    });
    at = next;
  }
}

/** Compressed input is fed to the inflater this much at a time; its output is hashed and let go. */
const CHUNK = 256 * 1024;

/**
 * The entry's size and digest, inflating it a chunk at a time so that no entry is ever whole in
 * memory (a 1M-event pack holds ~270 MB uncompressed), and its bytes when `keep` is set.
 */
function readData(bytes: Uint8Array, h: EntryHeader, keep: boolean): Omit<ZipEntry, 'path'> | string {
  if (h.dataStart < 0 || h.dataStart + h.compressedSize > bytes.length) return 'its data lies beyond the end of the archive';
  const raw = bytes.subarray(h.dataStart, h.dataStart + h.compressedSize);
  if (h.method !== 0 && h.method !== 8) return `compression method ${h.method} is not one ToolLedger writes`;
  const hash = createHash('sha256');
  const kept: Uint8Array[] = [];
  let size = 0;
  const take = (chunk: Uint8Array) => {
    hash.update(chunk);
    size += chunk.length;
    if (keep) kept.push(chunk);
  };
  if (h.method === 0) take(raw);
  else {
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      take(chunk);
      if (final) ended = true;
    });
    try {
      for (let at = 0; at < raw.length; at += CHUNK) {
        const end = Math.min(raw.length, at + CHUNK);
        inflater.push(raw.subarray(at, end), end === raw.length);
      }
      if (raw.length === 0) inflater.push(new Uint8Array(0), true);
    } catch {
      return 'its compressed data is corrupt';
    }
    if (!ended) return 'its compressed data is corrupt';
  }
  const data = keep ? (kept.length === 1 ? kept[0]! : Buffer.concat(kept, size)) : undefined;
  return { size, sha256: hash.digest('hex'), ...(data ? { data } : {}) };
}

/** Reads every entry's size and digest; `keep` names the entries whose content the caller needs too. */
export function readZip(bytes: Uint8Array, keep: (path: string) => boolean = () => false): ZipContents {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const problems: ZipProblem[] = [];
  const end = bytes.length >= 22 ? findEnd(view) : -1;
  let headers: EntryHeader[];
  if (end >= 0) headers = centralEntries(bytes, view, end);
  else {
    const walked = walkLocalEntries(bytes, view);
    headers = walked.headers;
    const path = walked.cutOff ?? '(archive end)';
    problems.push({ path, problem: 'truncated', detail: 'the archive ends here: its central directory is missing' });
  }
  const entries: ZipEntry[] = [];
  for (const h of headers) {
    if (h.path.endsWith('/')) continue;
    const read = readData(bytes, h, keep(h.path));
    if (typeof read === 'string') problems.push({ path: h.path, problem: 'unreadable', detail: read });
    else entries.push({ path: h.path, ...read });
    if (h.dosDate !== FIXED_DOS_DATE || h.dosTime !== FIXED_DOS_TIME) {
      problems.push({ path: h.path, problem: 'repacked', detail: 'its timestamp is not the fixed one ToolLedger writes' });
    }
  }
  const sorted = [...headers].sort(byPath);
  const firstOutOfOrder = headers.find((h, i) => h.path !== sorted[i]!.path);
  if (firstOutOfOrder) {
    problems.push({
      path: firstOutOfOrder.path,
      problem: 'repacked',
      detail: 'entries are not in the sorted order ToolLedger writes',
    });
  }
  return { entries, problems };
}
