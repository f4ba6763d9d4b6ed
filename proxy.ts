import { NextResponse, type NextRequest } from 'next/server';
import { securityHeaders } from '@/lib/domain/security-headers';
import { PATH_HEADER } from '@/lib/domain/request-path';
import { env } from '@/lib/env';
import { undecodablePathSegment } from '@/lib/validation/path';

/**
 * Runs before every request (pages, route handlers, static files). First, an address with a
 * segment that cannot be percent-decoded (`/inventory/%ff`) is a bad request, answered here:
 * Next.js would throw on it while matching a dynamic route and answer 500 in production. Then
 * every response gets the security headers; HSTS and upgrade-insecure-requests only when the
 * request came over https, directly or through a TLS-terminating proxy (X-Forwarded-Proto).
 */
export function proxy(req: NextRequest): NextResponse {
  const forwarded = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const https = (forwarded ?? req.nextUrl.protocol.replace(':', '')) === 'https';
  const issuer = env().OIDC_ISSUER;
  const headers = securityHeaders({
    development: process.env.NODE_ENV === 'development',
    https,
    oidcOrigin: issuer ? new URL(issuer).origin : null,
  });
  // The path asked for travels to server components (auditor page views are audit events, ADR 0010);
  // a client-sent value is overwritten.
  const forwardedHeaders = new Headers(req.headers);
  forwardedHeaders.set(PATH_HEADER, req.nextUrl.pathname + req.nextUrl.search);
  const res = badRequestFor(req) ?? NextResponse.next({ request: { headers: forwardedHeaders } });
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

function badRequestFor(req: NextRequest): NextResponse | null {
  const bad = undecodablePathSegment(req.nextUrl.pathname);
  if (bad === null) return null;
  const error = `The address has an invalid percent-encoding in "${bad.slice(0, 40)}"`;
  if (req.nextUrl.pathname.startsWith('/api/')) {
    return NextResponse.json({ error, code: 'invalid_path', issues: [{ path: '(path)', message: error }] }, { status: 400 });
  }
  return new NextResponse(`Bad request: ${error}.`, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * Everything but the agent-facing machine API (MACHINE_API_ROUTES in lib/domain/machine-api-routes.ts,
 * which says why; their headers come from next.config.ts). A literal: Next.js reads it statically.
 */
export const config = {
  matcher: [
    '/((?!api/v1/(?:enforce|enforce/generation|events|events/export|events/verify|health|openapi\\.json|tool-definitions|verifications)$).*)',
  ],
};
