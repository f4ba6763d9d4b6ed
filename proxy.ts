import { NextResponse, type NextRequest } from 'next/server';
import { securityHeaders } from '@/lib/domain/security-headers';
import { env } from '@/lib/env';

/**
 * Runs before every request (pages, route handlers, static files) and puts the security headers
 * on its response. HSTS and upgrade-insecure-requests only when the request came over https,
 * directly or through a TLS-terminating proxy (X-Forwarded-Proto).
 */
export function proxy(req: NextRequest) {
  const forwarded = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const https = (forwarded ?? req.nextUrl.protocol.replace(':', '')) === 'https';
  const issuer = env().OIDC_ISSUER;
  const res = NextResponse.next();
  const headers = securityHeaders({ development: process.env.NODE_ENV === 'development', https, oidcOrigin: issuer ? new URL(issuer).origin : null });
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}
