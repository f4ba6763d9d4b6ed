import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/domain/canonical-json';
import { canonicalToolDefinitions, toolDefinitionsHash, type ToolDefinition } from '@/lib/domain/tool-definitions/hash';
import { RegistryHttpError, type RegistryErrorKind } from './http';

/** SHA-256 (hex) over canonical JSON: the same payload always hashes the same, key order aside. */
export function sha256Canonical(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/**
 * A page could not be read. Still a RegistryHttpError (the sync engine reports its message), plus
 * the cursor the failed page started from: every page before it was yielded and committed, so the
 * next run resumes exactly there.
 */
export class RegistryPageError extends RegistryHttpError {
  readonly resumeCursor: string | null;

  constructor(kind: RegistryErrorKind, url: string, message: string, resumeCursor: string | null, status: number | null = null) {
    super(kind, url, message, status);
    this.name = 'RegistryPageError';
    this.resumeCursor = resumeCursor;
  }

  static wrap(e: unknown, context: string, resumeCursor: string | null): RegistryPageError {
    if (e instanceof RegistryPageError) return e;
    if (e instanceof RegistryHttpError)
      return new RegistryPageError(e.kind, e.url, `${context}: ${e.message}`, resumeCursor, e.status);
    const reason = e instanceof Error ? e.message : String(e);
    return new RegistryPageError('invalid-shape', '', `${context}: ${reason}`, resumeCursor);
  }
}

/**
 * Errors about ONE item (its document is malformed, too large, or refused with a 4xx) skip that
 * item and are reported on the page; transient or registry-wide ones (timeout, network, 5xx,
 * 429 after retries) stop the run, which resumes from the failed page next time.
 */
export function isItemLevel(e: unknown): boolean {
  if (!(e instanceof RegistryHttpError) || e instanceof RegistryPageError) return false;
  if (e.kind === 'invalid-json' || e.kind === 'invalid-shape' || e.kind === 'too-large') return true;
  return e.kind === 'http' && e.status !== null && e.status >= 400 && e.status < 500;
}

export type { ToolDefinition };

/**
 * Canonical tool definitions (name, description, inputSchema; sorted by name) and their SHA-256,
 * so a renamed tool or an edited schema changes the hash, not only an edited description. The
 * gateway hashes a live server's tools/list the same way (lib/domain/tool-definitions/hash.ts).
 */
export function hashToolDefinitions(defs: ToolDefinition[]): { definitions: ToolDefinition[]; hash: string } {
  return { definitions: canonicalToolDefinitions(defs), hash: toolDefinitionsHash(defs) };
}

/** Reads a bounded positive integer setting from a Registry row's config JSON. */
export function intSetting(config: Record<string, unknown>, key: string, fallback: number, max: number): number {
  const v = config[key];
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? Math.min(v, max) : fallback;
}

/** A date string from a registry, or null when missing or unparsable (never an Invalid Date). */
export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `git+https://github.com/a/b.git` / `github:a/b` / `git@github.com:a/b` → https://github.com/a/b. */
export function normalizeRepoUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let u = url.trim();
  const short = u.match(/^(github|gitlab|bitbucket):([\w.-]+\/[\w.-]+)$/);
  if (short) u = `https://${short[1]}.${short[1] === 'bitbucket' ? 'org' : 'com'}/${short[2]}`;
  else if (/^[\w.-]+\/[\w.-]+$/.test(u)) u = `https://github.com/${u}`;
  u = u
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/^ssh:\/\/git@/, 'https://')
    .replace(/^git@([^:]+):/, 'https://$1/');
  u = u.replace(/\.git$/, '').replace(/\/$/, '');
  return /^https?:\/\//.test(u) ? u : null;
}
