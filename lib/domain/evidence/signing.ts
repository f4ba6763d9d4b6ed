import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Ed25519 signing of a pack's manifest. The key id is the first 16 hex characters of the public
 * key's fingerprint (SHA-256 over its DER SubjectPublicKeyInfo), which is what
 * `openssl pkey -pubin -in public-key.pem -outform DER | sha256sum` prints.
 */
export function publicKeyFingerprint(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

export function keyIdOf(fingerprint: string): string {
  return fingerprint.slice(0, 16);
}

/** Fingerprint in groups of four, easier to compare by eye. */
export function formatFingerprint(fingerprint: string): string {
  return fingerprint.match(/.{1,4}/g)?.join(' ') ?? fingerprint;
}

export function signManifest(manifestBytes: Uint8Array, privateKey: KeyObject): Uint8Array {
  return sign(null, manifestBytes, privateKey);
}

export function verifyManifestSignature(manifestBytes: Uint8Array, signature: Uint8Array, publicKeyPem: string): boolean {
  try {
    return verify(null, manifestBytes, createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
