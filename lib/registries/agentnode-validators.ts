import type { JsonResponse } from './http';
import { validatorsOf } from './http';
import type { SourceValidators } from './types';

// Conditional requests of the AgentNode connector (issue 9.3): which answers a package was read
// from, with their validators, and the check that they are all unchanged.

/**
 * Names how this connector turns answers into tools. Bump it when the same answers would be read
 * differently (a new field, a new cap): validators remembered by an older build are then ignored,
 * so every package is read and stored again once.
 */
export const AGENTNODE_NORMALIZATION_REV = 'agentnode-1';

/** Collects the validators of the answers one package is read from. */
export interface Recorder {
  urls: SourceValidators['urls'];
  /** False once an answer had no validator (or was not a 200): the package cannot be checked by 304s. */
  complete: boolean;
}

export function record(rec: Recorder | undefined, url: string, res: Pick<JsonResponse<unknown>, 'status' | 'headers'>) {
  if (!rec) return;
  const v = res.status === 200 ? validatorsOf(res.headers) : null;
  if (!v) rec.complete = false;
  else rec.urls.push({ url, ...(v.etag ? { etag: v.etag } : {}), ...(v.lastModified ? { lastModified: v.lastModified } : {}) });
}

/**
 * True when every answer the package was last read from is unchanged (304 to its validators).
 * A publisher's answer is shared by its packages and asked once per run (`shared`).
 */
export async function unchangedSince(
  c: { base: string; notModified: (entry: SourceValidators['urls'][number]) => Promise<boolean> },
  prev: SourceValidators,
  shared: Map<string, Promise<boolean>>,
): Promise<boolean> {
  if (prev.rev !== AGENTNODE_NORMALIZATION_REV || prev.urls.length === 0) return false;
  // Validators of another address (the registry's base URL was changed) prove nothing here.
  if (!prev.urls.every((u) => u.url.startsWith(`${c.base}/`))) return false;
  const answers = await Promise.all(
    prev.urls.map((u) => {
      if (!u.url.startsWith(`${c.base}/v1/publishers/`)) return c.notModified(u);
      const key = `${u.url}\u0000${u.etag ?? ''}\u0000${u.lastModified ?? ''}`;
      let p = shared.get(key);
      if (!p) shared.set(key, (p = c.notModified(u)));
      return p;
    }),
  );
  return answers.every(Boolean);
}
