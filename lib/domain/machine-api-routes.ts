import { securityHeaders } from './security-headers';

/**
 * The agent-facing routes (API keys, no session, no dynamic path segment) that bypass proxy.ts.
 * Running the proxy before a route handler costs a POST about 1.5 ms of the single event loop
 * (Next.js hands the body across the proxy boundary), which on the enforcement API was a third
 * of each decision and made it queue at 200 req/s (ADR 0008, issue 9). Nothing the proxy does is
 * needed here: they have no dynamic segment for an undecodable path to break, and no server
 * component reads the forwarded path; their security headers come from next.config.ts instead
 * (`machineApiHeaderRules`). proxy.ts's `config.matcher` must name the same paths as a literal
 * (Next.js reads it statically); proxy.test.ts holds the two together.
 */
export const MACHINE_API_ROUTES = [
  '/api/v1/enforce',
  '/api/v1/enforce/generation',
  '/api/v1/events',
  '/api/v1/events/export',
  '/api/v1/events/verify',
  '/api/v1/health',
  '/api/v1/openapi.json',
  '/api/v1/tool-definitions',
  '/api/v1/verifications',
] as const;

/** X-Forwarded-Proto whose first value is https (any case), as proxy.ts reads it. */
const FORWARDED_HTTPS = '\\s*[Hh][Tt][Tt][Pp][Ss]\\s*(?:,.*)?';

interface HeaderRule {
  source: string;
  has?: { type: 'header'; key: string; value: string }[];
  headers: { key: string; value: string }[];
}

const asList = (h: Record<string, string>) => Object.entries(h).map(([key, value]) => ({ key, value }));

/**
 * next.config.ts `headers()` for the machine API: the production set proxy.ts gives every other
 * response (JSON has no scripts, so development's eval allowance and the sign-in form's OIDC
 * origin do not apply), plus HSTS and upgrade-insecure-requests when the request came over https.
 */
export function machineApiHeaderRules(): HeaderRule[] {
  const plain = securityHeaders({ development: false, https: false });
  const https = securityHeaders({ development: false, https: true });
  return MACHINE_API_ROUTES.flatMap((source) => [
    { source, headers: asList(plain) },
    {
      source,
      has: [{ type: 'header' as const, key: 'x-forwarded-proto', value: FORWARDED_HTTPS }],
      headers: asList(https),
    },
  ]);
}
