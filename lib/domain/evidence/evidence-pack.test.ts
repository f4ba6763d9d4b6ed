import { generateKeyPairSync } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PACK_FORMAT, serializeManifest, sha256sums, type ManifestFile } from './manifest';
import { formatFingerprint, keyIdOf, publicKeyFingerprint, sha256Hex, signManifest } from './signing';
import { verifyPack } from './verify-pack';
import { readZip } from './zip-reader';
import { createPackZip } from './zip-writer';

const keys = generateKeyPairSync('ed25519');
const publicPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const fingerprint = publicKeyFingerprint(keys.publicKey);

const CONTENT: Record<string, string> = {
  'README.md': '# Pack\n',
  'evidence/alerts.csv': 'id,title\na1,Digest changed\n',
  'evidence/alerts.json': '[{"id":"a1"}]\n',
};

async function zipOf(files: Record<string, Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const zip = createPackZip((c) => chunks.push(c));
  for (const path of Object.keys(files).sort()) {
    const data = files[path]!;
    const e = zip.entry(path);
    // Two chunks, as the builder streams them.
    e.push(data.subarray(0, 3), false);
    e.push(data.subarray(3), true);
  }
  await zip.finish();
  return Buffer.concat(chunks);
}

function packFiles(content = CONTENT): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = Object.fromEntries(Object.entries(content).map(([p, t]) => [p, strToU8(t)]));
  const listed = (): ManifestFile[] =>
    Object.entries(files).map(([path, data]) => ({ path, sha256: sha256Hex(data), size: data.length }));
  files.SHA256SUMS = strToU8(sha256sums(listed()));
  const manifest = strToU8(
    serializeManifest({
      format: PACK_FORMAT,
      packId: 'p1',
      generatedAt: '2026-07-01T00:00:00.000Z',
      period: { from: '2026-04-01', to: '2026-06-30' },
      scope: { environments: [], toolIds: [] },
      keyId: keyIdOf(fingerprint),
      keyFingerprint: fingerprint,
      files: listed(),
    }),
  );
  files['manifest.json'] = manifest;
  files['manifest.sig'] = signManifest(manifest, keys.privateKey);
  files['public-key.pem'] = strToU8(publicPem);
  return files;
}

describe('pack zip', () => {
  it('gives byte-identical archives for the same files', async () => {
    const a = await zipOf(packFiles());
    const b = await zipOf(packFiles());
    expect(sha256Hex(a)).toBe(sha256Hex(b));
  });

  it('refuses entries out of order', () => {
    const zip = createPackZip(() => {});
    zip.entry('b');
    expect(() => zip.entry('a')).toThrow(/sorted order/);
  });
});

describe('verifyPack', () => {
  it('passes an untouched pack and names the signer', async () => {
    const result = verifyPack(await zipOf(packFiles()));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.signature).toBe('valid');
    expect(result.signerFingerprint).toBe(fingerprint);
    expect(result.filesChecked).toBe(4);
  });

  it('names a file whose bytes changed', async () => {
    const files = packFiles();
    files['evidence/alerts.csv'] = strToU8('id,title\na1,Digest changeD\n');
    const result = verifyPack(await zipOf(files));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.path, p.problem])).toEqual([['evidence/alerts.csv', 'differs']]);
  });

  it('names missing and extra files', async () => {
    const files = packFiles();
    delete files['evidence/alerts.json'];
    files['evidence/zz.csv'] = strToU8('x');
    const result = verifyPack(await zipOf(files));
    expect(result.problems.map((p) => [p.path, p.problem])).toEqual([
      ['evidence/alerts.json', 'missing'],
      ['evidence/zz.csv', 'extra'],
    ]);
  });

  it('catches a manifest edited after signing', async () => {
    const files = packFiles();
    files['manifest.json'] = strToU8(new TextDecoder().decode(files['manifest.json']).replace('2026-04-01', '2026-04-02'));
    const result = verifyPack(await zipOf(files));
    expect(result.signature).toBe('invalid');
    expect(result.problems.map((p) => [p.path, p.problem])).toEqual([['manifest.json', 'signature']]);
  });

  it('catches a pack re-signed with another key unless that key is trusted', async () => {
    const other = generateKeyPairSync('ed25519');
    const files = packFiles();
    files['public-key.pem'] = strToU8(other.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    files['manifest.sig'] = signManifest(files['manifest.json']!, other.privateKey);
    expect(verifyPack(await zipOf(files)).signature).toBe('invalid');
    const trusted = new Map([[keyIdOf(fingerprint), publicPem]]);
    expect(verifyPack(await zipOf(packFiles()), trusted).ok).toBe(true);
    expect(verifyPack(await zipOf(packFiles()), new Map()).signature).toBe('unknown-key');
  });

  it('names the entry where a truncated archive ends', async () => {
    const bytes = await zipOf(packFiles());
    const result = verifyPack(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(result.ok).toBe(false);
    const truncated = result.problems.find((p) => p.problem === 'truncated');
    expect(truncated?.path).toMatch(/^(evidence\/|manifest|SHA256SUMS|README)/);
  });

  it('catches an archive re-zipped by another tool, naming the entry', () => {
    const files = packFiles();
    const rezipped = zipSync(files, { mtime: new Date('2026-07-02T10:00:00Z') });
    const result = verifyPack(rezipped);
    expect(result.ok).toBe(false);
    expect(result.problems.filter((p) => p.problem === 'repacked').map((p) => p.path)).toContain('README.md');
  });

  it('checks an entry far larger than one inflate chunk, digest and size, without keeping it', async () => {
    // ~3 MB of rows that compress well, as an evidence CSV does: inflated in 256 KiB pieces.
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `e${i},tool-${i % 97},2026-05-${String((i % 28) + 1).padStart(2, '0')}\n`,
    );
    const big = strToU8(`id,tool,day\n${rows.join('')}`);
    const files = packFiles({ ...CONTENT, 'evidence/invocations.csv': new TextDecoder().decode(big) });
    const zip = await zipOf(files);
    expect(zip.length).toBeLessThan(big.length / 4);
    const result = verifyPack(zip);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const entry = readZip(zip).entries.find((e) => e.path === 'evidence/invocations.csv')!;
    expect(entry).toEqual({ path: 'evidence/invocations.csv', size: big.length, sha256: sha256Hex(big) });
    const kept = readZip(zip, (path) => path === 'evidence/invocations.csv').entries.find((e) => e.path === entry.path)!;
    expect(Buffer.from(kept.data!).equals(Buffer.from(big))).toBe(true);
  });

  it('names an entry whose compressed data is corrupt', async () => {
    const files = packFiles();
    const zip = await zipOf(files);
    // Overwrite the middle of the first entry's deflate data (README.md's local header is at 0).
    const nameLength = new DataView(zip.buffer, zip.byteOffset).getUint16(26, true);
    const start = 30 + nameLength;
    const bad = Uint8Array.from(zip);
    bad.fill(0xff, start, start + 4);
    const result = verifyPack(bad);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({
      path: 'README.md',
      problem: 'unreadable',
      detail: 'its compressed data is corrupt',
    });
  });

  it('reports garbage as a missing manifest, not a crash', () => {
    const result = verifyPack(strToU8('not a zip at all'));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.path)).toContain('manifest.json');
  });

  it('formats a fingerprint in groups of four', () => {
    expect(formatFingerprint('abcdef0123')).toBe('abcd ef01 23');
  });
});
