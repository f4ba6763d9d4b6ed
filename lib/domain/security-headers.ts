/**
 * The security headers every response carries (set in proxy.ts). Next.js inlines the scripts
 * that hand its server payload to the browser, and React sets style attributes, so scripts and
 * styles need 'unsafe-inline' (a nonce would force every page to render per request); eval is
 * needed only by React's development build and is never allowed in production.
 */
export interface SecurityHeaderOptions {
  development: boolean;
  /** The request reached the app over https (directly or per X-Forwarded-Proto). */
  https: boolean;
  /** Origin of the OIDC provider the sign-in form posts through to, when SSO is configured. */
  oidcOrigin?: string | null;
}

export function contentSecurityPolicy(o: SecurityHeaderOptions): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'unsafe-inline'", ...(o.development ? ["'unsafe-eval'"] : [])]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    // The dev server's hot reload talks over a websocket.
    ['connect-src', ["'self'", ...(o.development ? ['ws:', 'wss:'] : [])]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'", ...(o.oidcOrigin ? [o.oidcOrigin] : [])]],
    ['frame-ancestors', ["'none'"]],
  ];
  const csp = directives.map(([name, values]) => `${name} ${values.join(' ')}`);
  if (o.https) csp.push('upgrade-insecure-requests');
  return csp.join('; ');
}

export function securityHeaders(o: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(o),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Browsers ignore HSTS over plain http; sending it only over https keeps local http setups usable.
    ...(o.https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
