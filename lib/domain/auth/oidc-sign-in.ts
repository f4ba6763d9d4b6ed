/**
 * Who may come in through company SSO, decided from the identity provider's claims and what we
 * already know, with no I/O. Every SSO sign-in is checked again (not only the first): a person
 * moved out of an allowed group loses access at their next sign-in.
 */
export interface OidcClaims {
  sub: string;
  email?: string | null;
  /** Booleans from most providers; some (e.g. AWS Cognito) send the string "true". */
  email_verified?: boolean | string | null;
  groups?: unknown;
}

export interface OidcPolicy {
  /** Email domains allowed in, exact match, lower case (OIDC_ALLOWED_DOMAINS). */
  allowedDomains: readonly string[];
  /** Values of the `groups` claim allowed in (OIDC_ALLOWED_GROUPS). */
  allowedGroups: readonly string[];
}

export interface KnownAccount {
  id: string;
  active: boolean;
  hasPassword: boolean;
  oidcSubject: string | null;
  ssoLinkApproved: boolean;
}

export type OidcRefusal =
  'email_missing' | 'email_unverified' | 'no_allow_list' | 'not_allowed' | 'account_inactive' | 'not_linked' | 'subject_mismatch';

export type OidcDecision =
  | { outcome: 'refuse'; reason: OidcRefusal }
  | { outcome: 'signIn'; userId: string; bindSubject: boolean }
  | { outcome: 'create'; email: string };

export const OIDC_REFUSAL_MESSAGES: Record<OidcRefusal, string> = {
  email_missing: 'Your identity provider sent no email address.',
  email_unverified: 'Your identity provider has not verified your email address.',
  no_allow_list: 'Single sign-on is not open to anyone yet: an administrator must set the allowed domains or groups.',
  not_allowed: 'Your email domain or groups are not allowed to sign in here.',
  account_inactive: 'Your account is deactivated.',
  not_linked: 'An account with this email already exists here: ask an administrator to link it to single sign-on.',
  subject_mismatch: 'This account is linked to a different single sign-on identity.',
};

function verified(value: OidcClaims['email_verified']): boolean {
  return value === true || value === 'true';
}

function groupsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}

function admitted(email: string, claims: OidcClaims, policy: OidcPolicy): OidcRefusal | null {
  if (policy.allowedDomains.length === 0 && policy.allowedGroups.length === 0) return 'no_allow_list';
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (policy.allowedDomains.includes(domain)) return null;
  const groups = groupsOf(claims.groups);
  if (groups.some((g) => policy.allowedGroups.includes(g))) return null;
  return 'not_allowed';
}

export function normalizeOidcEmail(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e && /^[^@\s]+@[^@\s]+$/.test(e) ? e : null;
}

/**
 * `bySubject`: the account already bound to this `sub`; `byEmail`: the account with the claimed
 * email. An SSO identity enters an existing account only when bound to it, or when the account is
 * SSO-only (no password: SSO created it) or an admin approved the link: a matching email alone
 * never hands over a local account.
 */
export function decideOidcSignIn(args: {
  claims: OidcClaims;
  policy: OidcPolicy;
  bySubject: KnownAccount | null;
  byEmail: KnownAccount | null;
}): OidcDecision {
  const { claims, policy, bySubject, byEmail } = args;
  const email = normalizeOidcEmail(claims.email);
  if (!email) return { outcome: 'refuse', reason: 'email_missing' };
  if (!verified(claims.email_verified)) return { outcome: 'refuse', reason: 'email_unverified' };
  const refusal = admitted(email, claims, policy);
  if (refusal) return { outcome: 'refuse', reason: refusal };
  if (bySubject) {
    return bySubject.active
      ? { outcome: 'signIn', userId: bySubject.id, bindSubject: false }
      : { outcome: 'refuse', reason: 'account_inactive' };
  }
  if (!byEmail) return { outcome: 'create', email };
  if (byEmail.oidcSubject !== null) return { outcome: 'refuse', reason: 'subject_mismatch' };
  if (byEmail.hasPassword && !byEmail.ssoLinkApproved) return { outcome: 'refuse', reason: 'not_linked' };
  if (!byEmail.active) return { outcome: 'refuse', reason: 'account_inactive' };
  return { outcome: 'signIn', userId: byEmail.id, bindSubject: true };
}
