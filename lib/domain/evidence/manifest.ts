/**
 * The signed manifest of an evidence pack. manifest.json lists every other file of the pack with
 * its SHA-256 and size; manifest.sig is the raw 64-byte Ed25519 signature over manifest.json's
 * exact bytes, so `openssl pkeyutl -verify -rawin` checks it with no ToolLedger code. SHA256SUMS
 * repeats the digests in `sha256sum -c` format and is itself listed in the manifest.
 */
export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';
export const PUBLIC_KEY_PATH = 'public-key.pem';
export const SHA256SUMS_PATH = 'SHA256SUMS';
export const PACK_FORMAT = 'toolledger-evidence-pack/1';

/** Files that are not listed in the manifest because they carry or prove it. */
export const UNLISTED_FILES: readonly string[] = [MANIFEST_PATH, SIGNATURE_PATH, PUBLIC_KEY_PATH];

/**
 * Every entry in the archive carries this time (zip's DOS timestamp has no time zone and a
 * 2-second resolution): a fixed value keeps the bytes of the archive stable.
 */
export const FIXED_ENTRY_TIME = new Date(1980, 0, 1, 0, 0, 0);

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
}

export interface PackManifest {
  format: typeof PACK_FORMAT;
  packId: string;
  generatedAt: string;
  period: { from: string; to: string };
  scope: { environments: string[]; toolIds: string[] };
  /** Which instance key signed it; old keys stay listed in the app after a rotation. */
  keyId: string;
  /** SHA-256 of the signing public key (DER, SubjectPublicKeyInfo), hex. */
  keyFingerprint: string;
  files: ManifestFile[];
}

export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Stable bytes: fixed key order, files sorted, two-space indent, final newline. */
export function serializeManifest(manifest: PackManifest): string {
  const ordered: PackManifest = {
    format: manifest.format,
    packId: manifest.packId,
    generatedAt: manifest.generatedAt,
    period: { from: manifest.period.from, to: manifest.period.to },
    scope: { environments: [...manifest.scope.environments].sort(), toolIds: [...manifest.scope.toolIds].sort() },
    keyId: manifest.keyId,
    keyFingerprint: manifest.keyFingerprint,
    files: [...manifest.files].sort(byPath).map((f) => ({ path: f.path, sha256: f.sha256, size: f.size })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** `sha256sum -c` input: "<hex>  <path>" per line. */
export function sha256sums(files: readonly ManifestFile[]): string {
  return [...files]
    .sort(byPath)
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join('');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a manifest back, or says what is wrong with it. */
export function parseManifest(text: string): { manifest: PackManifest } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: 'manifest.json is not JSON' };
  }
  if (!isRecord(raw) || raw.format !== PACK_FORMAT) return { error: `manifest.json is not a ${PACK_FORMAT} manifest` };
  if (typeof raw.keyId !== 'string' || typeof raw.keyFingerprint !== 'string' || !Array.isArray(raw.files)) {
    return { error: 'manifest.json lacks keyId, keyFingerprint or files' };
  }
  for (const f of raw.files) {
    if (!isRecord(f) || typeof f.path !== 'string' || typeof f.sha256 !== 'string' || typeof f.size !== 'number') {
      return { error: 'manifest.json has a file entry without path, sha256 and size' };
    }
  }
  return { manifest: raw as unknown as PackManifest };
}
