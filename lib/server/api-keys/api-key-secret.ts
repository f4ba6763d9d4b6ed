import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyScope } from '@prisma/client';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** tl_<scope>_<32 random base62 chars> (~190 bits). The scope part tells a finder what a leaked key opens. */
export function generateApiKeySecret(scopes: readonly ApiKeyScope[]): string {
  const hint = scopes.length === 1 ? scopes[0]!.toLowerCase() : 'multi';
  const bytes = randomBytes(32);
  let random = '';
  for (const b of bytes) random += ALPHABET[b % ALPHABET.length];
  return `tl_${hint}_${random}`;
}

/**
 * SHA-256 of the secret. API keys are long random strings, so a fast hash is enough: nobody can
 * brute-force 190 bits, and a slow password hash (argon2) would add tens of milliseconds to every
 * enforcement call. The hash is unique-indexed, so lookup is one index probe.
 */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The part of a key safe to show: enough to tell keys apart, far too little to use. */
export function apiKeyPrefix(secret: string): string {
  const cut = secret.lastIndexOf('_');
  return `${secret.slice(0, cut + 1)}${secret.slice(cut + 1, cut + 7)}`;
}
