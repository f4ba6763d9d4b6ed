import { compareFiles, type FileProblem } from './compare-files';
import { MANIFEST_PATH, parseManifest, PUBLIC_KEY_PATH, SIGNATURE_PATH, type PackManifest } from './manifest';
import { publicKeyFingerprint, verifyManifestSignature } from './signing';
import { readZip, type ZipProblem } from './zip-reader';

export type SignatureState = 'valid' | 'invalid' | 'unknown-key' | 'absent';

export interface PackVerification {
  ok: boolean;
  manifest: PackManifest | null;
  signature: SignatureState;
  /** Fingerprint of the key that signed (from the pack); compare it with the one ToolLedger shows. */
  signerFingerprint: string | null;
  problems: (FileProblem | ZipProblem | { path: string; problem: 'manifest' | 'signature'; detail: string })[];
  filesChecked: number;
}

/** Public keys the verifier trusts, by key id; when given, a pack signed by another key fails. */
export type TrustedKeys = ReadonlyMap<string, string>;

const decoder = new TextDecoder();

/**
 * Checks an archive end to end: readable and not re-packed, every file's digest and size as the
 * manifest lists them, nothing missing or extra, and the manifest's Ed25519 signature.
 */
export function verifyPack(bytes: Uint8Array, trusted?: TrustedKeys): PackVerification {
  // Only the manifest, its signature and the pack's key are read whole; every other file is hashed
  // as it is inflated, so memory does not grow with the pack.
  const needed = new Set([MANIFEST_PATH, SIGNATURE_PATH, PUBLIC_KEY_PATH]);
  const zip = readZip(bytes, (path) => needed.has(path));
  const problems: PackVerification['problems'] = [...zip.problems];
  const byPath = new Map(zip.entries.map((e) => [e.path, e.data]));
  const fail = (manifest: PackManifest | null, signature: SignatureState, fingerprint: string | null) => ({
    ok: false,
    manifest,
    signature,
    signerFingerprint: fingerprint,
    problems,
    filesChecked: 0,
  });
  const manifestBytes = byPath.get(MANIFEST_PATH);
  if (!manifestBytes) {
    problems.push({ path: MANIFEST_PATH, problem: 'missing', detail: 'the archive has no manifest' });
    return fail(null, 'absent', null);
  }
  const parsed = parseManifest(decoder.decode(manifestBytes));
  if ('error' in parsed) {
    problems.push({ path: MANIFEST_PATH, problem: 'manifest', detail: parsed.error });
    return fail(null, 'absent', null);
  }
  const { manifest } = parsed;
  const signature = byPath.get(SIGNATURE_PATH);
  const packKey = byPath.get(PUBLIC_KEY_PATH);
  const publicKeyPem = trusted?.get(manifest.keyId) ?? (trusted ? undefined : packKey && decoder.decode(packKey));
  let state: SignatureState;
  let fingerprint: string | null = null;
  if (!signature) state = 'absent';
  else if (!publicKeyPem) state = 'unknown-key';
  else {
    try {
      fingerprint = publicKeyFingerprint(publicKeyPem);
    } catch {
      fingerprint = null;
    }
    const keyMatches = fingerprint === manifest.keyFingerprint;
    state = keyMatches && verifyManifestSignature(manifestBytes, signature, publicKeyPem) ? 'valid' : 'invalid';
  }
  if (state !== 'valid') {
    const detail = {
      absent: 'the archive has no manifest.sig',
      'unknown-key': `signed by key ${manifest.keyId}, which is not one of the trusted keys`,
      invalid: 'the signature does not match manifest.json and the signing key',
      valid: '',
    }[state];
    problems.push({ path: state === 'absent' ? SIGNATURE_PATH : MANIFEST_PATH, problem: 'signature', detail });
  }
  const found = zip.entries.map((e) => ({ path: e.path, sha256: e.sha256, size: e.size }));
  problems.push(...compareFiles(manifest.files, found));
  return {
    ok: problems.length === 0,
    manifest,
    signature: state,
    signerFingerprint: fingerprint,
    problems,
    filesChecked: manifest.files.length,
  };
}
