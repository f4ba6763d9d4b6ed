import { validatorsOf, type Validators } from './http';
import type { NormalizedTool, SourceValidators } from './types';

// Conditional requests of the npm connector (issue 9.3), as the AgentNode connector makes them
// (agentnode-validators.ts): a package is read from one document, its packument, so a 304 to that
// document's validators means the package is unchanged.

/**
 * Names how this connector turns a packument into a tool. Bump it when the same document would be
 * read differently: validators remembered by an older build are then ignored, and every package
 * is read and stored again once.
 */
export const NPM_NORMALIZATION_REV = 'npm-1';

/**
 * The revision plus the registry settings that change what is read from the same packument (how
 * many versions, how many checked for provenance): a changed setting re-reads every package once.
 */
export function npmRevision(map: { maxVersions: number; provenanceWindow: number }): string {
  return `${NPM_NORMALIZATION_REV};versions=${map.maxVersions};provenance=${map.provenanceWindow}`;
}

/** The validators to ask `url` with: those remembered from the last read of this same address and revision. */
export function rememberedValidators(prev: SourceValidators | undefined, url: string, rev: string): Validators | null {
  if (!prev || prev.rev !== rev || prev.urls.length !== 1) return null;
  const [entry] = prev.urls;
  return entry && entry.url === url && (entry.etag || entry.lastModified) ? entry : null;
}

/**
 * What to remember of a packument read in full: its validators, unless the tool read from it also
 * depends on the clock. The "recent publish" signal lapses with time alone, and a 304 would keep
 * it past its hours, so such a package is asked without validators until the signal has lapsed.
 */
export function validatorsToKeep(url: string, headers: Headers, tool: NormalizedTool, rev: string): SourceValidators | null {
  const v = validatorsOf(headers);
  if (!v) return null;
  if (tool.versions.some((ver) => ver.riskSignals?.some((s) => s.key === 'recent-publish'))) return null;
  return {
    rev,
    urls: [{ url, ...(v.etag ? { etag: v.etag } : {}), ...(v.lastModified ? { lastModified: v.lastModified } : {}) }],
  };
}
