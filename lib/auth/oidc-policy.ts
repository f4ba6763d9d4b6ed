import { env } from '@/lib/env';
import type { OidcPolicy } from '@/lib/domain/auth/oidc-sign-in';

function list(value: string | undefined, lowerCase: boolean): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => (lowerCase ? v.trim().toLowerCase() : v.trim()))
    .filter(Boolean);
}

/** Who may come in through SSO: OIDC_ALLOWED_DOMAINS (case-insensitive) and OIDC_ALLOWED_GROUPS (exact). */
export function oidcPolicy(): OidcPolicy {
  const e = env();
  return { allowedDomains: list(e.OIDC_ALLOWED_DOMAINS, true), allowedGroups: list(e.OIDC_ALLOWED_GROUPS, false) };
}
