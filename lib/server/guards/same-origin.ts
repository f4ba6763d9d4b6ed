import 'server-only';
import { env } from '@/lib/env';
import { AppError, forbidden } from '@/lib/server/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Hosts this app answers as: the configured public URL, and the Host / X-Forwarded-Host the request came in on. */
function ownHosts(req: Request): Set<string> {
  const hosts = new Set<string>();
  const configured = env().NEXTAUTH_URL;
  if (configured) hosts.add(new URL(configured).host.toLowerCase());
  for (const name of ['x-forwarded-host', 'host']) {
    const value = req.headers.get(name)?.split(',')[0]?.trim().toLowerCase();
    if (value) hosts.add(value);
  }
  return hosts;
}

/**
 * CSRF defence for cookie-authenticated route handlers that change data. A browser always sends
 * Origin on a cross-site POST, and Sec-Fetch-Site on any request: either naming another site is
 * refused. Requiring application/json adds a second wall: a cross-site page cannot send that
 * content type without a CORS preflight, which this app never grants. Clients that send neither
 * header are not browsers, and a non-browser client carries no victim's cookie.
 */
export function assertSameOriginJson(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const origin = req.headers.get('origin');
  if (origin) {
    let host: string | null = null;
    try {
      host = origin === 'null' ? null : new URL(origin).host.toLowerCase();
    } catch {
      host = null;
    }
    if (!host || !ownHosts(req).has(host)) {
      // A security event: a page on another site tried to act with a signed-in user's cookie.
      console.warn(`CSRF: refused ${req.method} ${new URL(req.url).pathname} from Origin ${origin.slice(0, 100)}`);
      throw forbidden(`Cross-site request refused: Origin ${origin.slice(0, 100)} is not this site`);
    }
  } else {
    const site = req.headers.get('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') {
      console.warn(`CSRF: refused ${req.method} ${new URL(req.url).pathname} with Sec-Fetch-Site ${site.slice(0, 20)}`);
      throw forbidden(`Cross-site request refused (Sec-Fetch-Site: ${site.slice(0, 20)})`);
    }
  }
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type.trim())) {
    throw new AppError(
      415,
      'unsupported_media_type',
      'Send the request as JSON with "Content-Type: application/json" (an empty body may be "{}")',
    );
  }
}
