import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';
import { badRequest, conflict } from '@/lib/server/errors';

/**
 * A registry's API key lives in Registry.apiKeySealed, never in `config` (config is shown in the
 * form and written into the audit trail, which can never forget). Two forms:
 *  - "env:NAME": the key stays in the server's environment; the row holds only the reference.
 *  - "aes256gcm:v1:<iv>:<tag>:<ciphertext>": sealed with a key derived from TOOLLEDGER_SECRET_KEY,
 *    which is not in the database, so a database dump alone does not give the key away.
 */
const SEALED = 'aes256gcm:v1:';
export const ENV_REFERENCE = /^env:([A-Za-z_][A-Za-z0-9_]*)$/;

function encryptionKey(): Buffer | null {
  const secret = env().TOOLLEDGER_SECRET_KEY;
  if (!secret) return null;
  return Buffer.from(hkdfSync('sha256', secret, 'toolledger', 'registry-api-key', 32));
}

export interface SealedApiKey {
  sealed: string;
  hint: string;
}

/** Seals a key typed in the form; an `env:NAME` reference is stored as it is. */
export function sealRegistryApiKey(plain: string): SealedApiKey {
  if (ENV_REFERENCE.test(plain)) return { sealed: plain, hint: plain };
  const key = encryptionKey();
  if (!key) {
    const message =
      'Storing an API key needs TOOLLEDGER_SECRET_KEY on the server; or enter env:NAME to read the key from an environment variable';
    throw badRequest(message, [{ path: 'apiKey', message }]);
  }
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
  return { sealed: `${SEALED}${parts.join(':')}`, hint: `…${plain.slice(-4)}` };
}

/** The key for a connector, or null when none is set. Fails with a reason the sync run shows. */
export function openRegistryApiKey(sealed: string | null): string | null {
  if (!sealed) return null;
  const ref = ENV_REFERENCE.exec(sealed);
  if (ref) {
    const value = process.env[ref[1]!];
    if (!value) throw conflict(`The registry's API key is read from ${sealed}, which is not set on this server`);
    return value;
  }
  const key = encryptionKey();
  if (!key) throw conflict('The registry API key is encrypted, but TOOLLEDGER_SECRET_KEY is not set on this server');
  const [iv, tag, ciphertext] = sealed
    .slice(SEALED.length)
    .split(':')
    .map((p) => Buffer.from(p, 'base64url'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(ciphertext!), decipher.final()]).toString('utf8');
  } catch {
    throw conflict(
      'The registry API key cannot be decrypted: TOOLLEDGER_SECRET_KEY changed since it was saved; enter the key again',
    );
  }
}

/** What a connector receives as its settings: the stored config plus the opened key. */
export function connectorConfig(registry: { config: unknown; apiKeySealed: string | null }): Record<string, unknown> {
  const config = (registry.config ?? {}) as Record<string, unknown>;
  const apiKey = openRegistryApiKey(registry.apiKeySealed);
  return apiKey ? { ...config, apiKey } : config;
}
