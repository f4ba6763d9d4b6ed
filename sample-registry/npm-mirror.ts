import serverFilesystem from './npm/server-filesystem.json';

/**
 * The npm packuments the sample registry also serves under `/npm/`, so the demo's npm mirror
 * syncs through the real npm connector without internet access. Each file is the packument
 * registry.npmjs.org answered for that package (GET https://registry.npmjs.org/<name>, fetched
 * 2026-12-02), stored as npm sent it (only reformatted).
 */
const PACKUMENTS: Record<string, unknown> = {
  '@modelcontextprotocol/server-filesystem': serverFilesystem,
};

/** `/npm/@scope%2fname` (as npm clients and our connector encode it) → the packument, or null. */
export function npmPackument(pathname: string): unknown {
  if (!pathname.startsWith('/npm/')) return null;
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice('/npm/'.length));
  } catch {
    return null;
  }
  return Object.hasOwn(PACKUMENTS, name) ? PACKUMENTS[name] : null;
}

export const NPM_MIRROR_PACKAGES = Object.keys(PACKUMENTS);
