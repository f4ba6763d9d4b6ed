import { Zip, ZipDeflate } from 'fflate';
import { FIXED_ENTRY_TIME } from './manifest';

/**
 * A streaming zip with everything that could vary fixed: entries must be added in sorted path
 * order, each carries FIXED_ENTRY_TIME, DOS attributes and deflate level 6. The same files give
 * the same archive bytes. Output goes to `onData` chunk by chunk, so memory stays flat.
 */
export interface PackZipWriter {
  /** Starts an entry; push its chunks in order, the last with final = true. */
  entry(path: string): { push(chunk: Uint8Array, final: boolean): void };
  /** Call once every entry is final; resolves when the archive's last byte went to onData. */
  finish(): Promise<void>;
}

export function createPackZip(onData: (chunk: Uint8Array) => void): PackZipWriter {
  let lastPath: string | null = null;
  let done: (err: Error | null) => void = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    done = (err) => (err ? reject(err) : resolve());
  });
  const zip = new Zip((err, chunk, final) => {
    if (err) return done(err);
    onData(chunk);
    if (final) done(null);
  });
  return {
    entry(path) {
      if (lastPath !== null && path <= lastPath)
        throw new Error(`zip entries must be added in sorted order: ${path} after ${lastPath}`);
      lastPath = path;
      const file = new ZipDeflate(path, { level: 6 });
      file.mtime = FIXED_ENTRY_TIME;
      zip.add(file);
      return { push: (chunk, final) => file.push(chunk, final) };
    },
    finish() {
      zip.end();
      return finished;
    },
  };
}
