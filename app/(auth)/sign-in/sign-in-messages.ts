import { OIDC_REFUSAL_MESSAGES, type OidcRefusal } from '@/lib/domain/auth/oidc-sign-in';

export const SIGN_IN_FAILED = 'Sign-in failed: check your email and password.';

/** The one refusal shown verbatim: it names no account and tells the person what to do. */
export function isThrottleMessage(error: string | null | undefined): boolean {
  return typeof error === 'string' && /^Too many attempts: try again in \d+ minutes?\.$/.test(error);
}

/** What the sign-in page says for the `error` next-auth (or our SSO check) put in the URL. */
export function signInErrorMessage(error: string | undefined): string | undefined {
  if (!error) return undefined;
  if (isThrottleMessage(error)) return error;
  if (error.startsWith('sso_')) {
    const reason = error.slice(4) as OidcRefusal;
    if (Object.hasOwn(OIDC_REFUSAL_MESSAGES, reason)) return `Single sign-on refused: ${OIDC_REFUSAL_MESSAGES[reason]}`;
  }
  if (error === 'AccessDenied' || error === 'OAuthCallback' || error === 'Callback')
    return 'Single sign-on failed: try again or ask an administrator.';
  return SIGN_IN_FAILED;
}

export const SIGN_IN_NOTICES: Record<string, string> = {
  'password-changed': 'Password changed: sign in with your new password.',
};
