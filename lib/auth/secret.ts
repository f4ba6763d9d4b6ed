import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

/**
 * The session-signing secret: NEXTAUTH_SECRET when set (required outside demo mode: lib/env.ts
 * refuses to start without it), otherwise, in demo mode only, one generated on first start and
 * kept beside the embedded database.
 */
export function authSecret(): string {
  return env().NEXTAUTH_SECRET ?? localSecret('auth-secret');
}

/**
 * The key that signs audit chain checkpoints: TOOLLEDGER_CHECKPOINT_KEY (required outside demo
 * mode), otherwise, in demo mode, a generated one beside the embedded database: outside the
 * database either way, which is the point.
 */
export function checkpointKey(): string {
  return env().TOOLLEDGER_CHECKPOINT_KEY ?? localSecret('checkpoint-key');
}

/** A random secret generated once and kept in a file next to the embedded database's folder. */
function localSecret(name: string): string {
  const file = path.join(path.dirname(path.resolve(env().TOOLLEDGER_DATA_DIR)), name);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
