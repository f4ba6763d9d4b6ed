import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';
import { conflict } from '@/lib/server/errors';

/**
 * A webhook's signing secret must be readable again (every delivery is signed with it), so it is
 * sealed, never hashed: AES-256-GCM with a key derived from TOOLLEDGER_SECRET_KEY, which is not in
 * the database. The demo runs without secrets, so demo mode falls back to a fixed one (demo data).
 */
const SEALED = 'aes256gcm:v1:';
const DEMO_SECRET = 'toolledger-demo-webhook-secret';

function sealingKey(): Buffer {
  const e = env();
  const secret = e.TOOLLEDGER_SECRET_KEY ?? (e.demo ? DEMO_SECRET : undefined);
  if (!secret) throw conflict('Webhook endpoints need TOOLLEDGER_SECRET_KEY on the server (their secrets are stored sealed)');
  return Buffer.from(hkdfSync('sha256', secret, 'toolledger', 'webhook-secret', 32));
}

/** `whsec_` + base64 of 24 random bytes: the format the Standard Webhooks libraries take. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

export function sealWebhookSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return SEALED + [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url')).join(':');
}

export function openWebhookSecret(sealed: string): string {
  const [iv, tag, ciphertext] = sealed
    .slice(SEALED.length)
    .split(':')
    .map((p) => Buffer.from(p, 'base64url'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(), iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(ciphertext!), decipher.final()]).toString('utf8');
  } catch {
    throw conflict(
      'The webhook secret cannot be unsealed: TOOLLEDGER_SECRET_KEY changed since it was created; create the endpoint again',
    );
  }
}
