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
  const e = env();
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  const file = path.join(path.dirname(path.resolve(e.TOOLLEDGER_DATA_DIR)), 'auth-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
