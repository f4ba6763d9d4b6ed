/**
 * The first segment of a URL path that cannot be percent-decoded (`/inventory/%ff`: %ff is not
 * UTF-8), or null when every segment decodes. Next.js throws on such a segment while matching a
 * dynamic route and, in production, answers 500; the proxy answers 400 before routing instead.
 */
export function undecodablePathSegment(pathname: string): string | null {
  for (const segment of pathname.split('/')) {
    if (!segment.includes('%')) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}
