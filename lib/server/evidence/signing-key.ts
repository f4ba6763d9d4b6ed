import 'server-only';
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { keyIdOf, publicKeyFingerprint } from '@/lib/domain/evidence/signing';
import { env } from '@/lib/env';
import { conflict } from '@/lib/server/errors';

/**
 * The instance's evidence-signing key. Either the environment supplies it as PEM
 * (TOOLLEDGER_EVIDENCE_SIGNING_KEY, the same on every instance), or the first instance to need it
 * generates one and stores it sealed with a key derived from TOOLLEDGER_SECRET_KEY, so every
 * instance on the database signs with it and a database dump alone cannot. Rotating (a new PEM in
 * the environment) retires the old row instead of deleting it: packs it signed stay verifiable.
 */
export interface SigningKey {
  id: string;
  fingerprint: string;
  publicKeyPem: string;
  privateKey: KeyObject;
}

const SEALED = 'aes256gcm:v1:';
// Demo mode only: the demo runs without secrets, and its packs are demo data.
const DEMO_SECRET = 'toolledger-demo-evidence-signing-secret';
const KEY_LOCK = 4_242_013;

function sealingKey(): Buffer {
  const e = env();
  const secret = e.TOOLLEDGER_SECRET_KEY ?? (e.demo ? DEMO_SECRET : undefined);
  if (!secret) {
    throw conflict('Signing evidence packs needs TOOLLEDGER_EVIDENCE_SIGNING_KEY (PEM) or TOOLLEDGER_SECRET_KEY on the server');
  }
  return Buffer.from(hkdfSync('sha256', secret, 'toolledger', 'evidence-signing-key', 32));
}

function seal(pem: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()]);
  return SEALED + [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url')).join(':');
}

function unseal(sealed: string): string {
  const [iv, tag, ciphertext] = sealed
    .slice(SEALED.length)
    .split(':')
    .map((p) => Buffer.from(p, 'base64url'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(), iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(ciphertext!), decipher.final()]).toString('utf8');
  } catch {
    throw conflict('The evidence signing key cannot be unsealed: TOOLLEDGER_SECRET_KEY differs from the one that sealed it');
  }
}

function describe(publicKey: KeyObject) {
  const fingerprint = publicKeyFingerprint(publicKey);
  return { id: keyIdOf(fingerprint), fingerprint, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

async function fromEnvironment(db: PrismaClient, pem: string, now: Date): Promise<SigningKey> {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw conflict('TOOLLEDGER_EVIDENCE_SIGNING_KEY must be an Ed25519 key');
  const key = describe(createPublicKey(privateKey));
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${KEY_LOCK})`);
    await tx.evidenceSigningKey.upsert({
      where: { id: key.id },
      create: { ...key, source: 'ENVIRONMENT' },
      update: { retiredAt: null },
    });
    // A new PEM in the environment is a rotation: the others stop signing, and stay listed.
    await tx.evidenceSigningKey.updateMany({ where: { id: { not: key.id }, retiredAt: null }, data: { retiredAt: now } });
  });
  return { ...key, privateKey };
}

/** Generates a key when there is no active one; instances take turns so only one is made. */
async function generatedKey(db: PrismaClient, now: Date): Promise<SigningKey> {
  const row = await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${KEY_LOCK})`);
    const active = await tx.evidenceSigningKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: 'desc' } });
    if (active?.privateKeySealed) return active;
    const pair = generateKeyPairSync('ed25519');
    const key = describe(pair.publicKey);
    const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await tx.evidenceSigningKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: now } });
    return tx.evidenceSigningKey.create({ data: { ...key, privateKeySealed: seal(pem), source: 'GENERATED', createdAt: now } });
  });
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    publicKeyPem: row.publicKeyPem,
    privateKey: createPrivateKey(unseal(row.privateKeySealed!)),
  };
}

/** The key that signs new packs (generated on first use, or taken from the environment). */
export async function activeSigningKey(db: PrismaClient, now: Date): Promise<SigningKey> {
  const pem = env().TOOLLEDGER_EVIDENCE_SIGNING_KEY;
  return pem ? fromEnvironment(db, pem, now) : generatedKey(db, now);
}

/** Every key that ever signed, by id: the trusted keys a verification accepts. */
export async function knownSigningKeys(db: PrismaClient) {
  return db.evidenceSigningKey.findMany({
    orderBy: { createdAt: 'desc' },
    select: { id: true, fingerprint: true, publicKeyPem: true, source: true, createdAt: true, retiredAt: true },
  });
}

/**
 * At start-up: make sure the key exists, so its fingerprint can be published before the first
 * pack. Without a way to seal it (no secret outside demo mode) the app still starts and says why.
 */
export async function ensureSigningKeyAtStart(db: PrismaClient, now: Date): Promise<void> {
  try {
    await activeSigningKey(db, now);
  } catch (err) {
    console.warn(`[evidence] no signing key yet: ${err instanceof Error ? err.message : String(err)}`);
  }
}
