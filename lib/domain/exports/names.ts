/**
 * Server names as MCP client configurations accept them (letters, digits, `_` and `-`): the
 * registry identifier normalised. Agents must register the server under this name.
 */
export function serverNameOf(externalId: string): string {
  return (
    externalId
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed'
  );
}

/** A file name for one server version inside an archive or a download. */
export function fileStem(serverName: string, version: string): string {
  return `${serverName}-${version.replace(/[^A-Za-z0-9._-]+/g, '_')}`;
}
