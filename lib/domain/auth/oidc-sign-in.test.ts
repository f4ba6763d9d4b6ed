import { describe, expect, it } from 'vitest';
import { decideOidcSignIn, type KnownAccount, type OidcClaims, type OidcDecision, type OidcPolicy } from './oidc-sign-in';

const DOMAINS: OidcPolicy = { allowedDomains: ['acme.example'], allowedGroups: [] };
const GROUPS: OidcPolicy = { allowedDomains: [], allowedGroups: ['toolledger-users'] };
const BOTH: OidcPolicy = { allowedDomains: ['acme.example'], allowedGroups: ['toolledger-users'] };
const NONE: OidcPolicy = { allowedDomains: [], allowedGroups: [] };

const ok: OidcClaims = { sub: 'sub-1', email: 'Ana@Acme.Example', email_verified: true };
const account = (over: Partial<KnownAccount> = {}): KnownAccount => ({
  id: 'u1',
  active: true,
  hasPassword: true,
  oidcSubject: null,
  ssoLinkApproved: false,
  ...over,
});
const refuse = (reason: string): OidcDecision => ({ outcome: 'refuse', reason }) as OidcDecision;

describe('decideOidcSignIn', () => {
  it.each<[string, OidcClaims, OidcPolicy, KnownAccount | null, KnownAccount | null, OidcDecision]>([
    ['new person in an allowed domain is created', ok, DOMAINS, null, null, { outcome: 'create', email: 'ana@acme.example' }],
    ['no email claim', { sub: 's', email_verified: true }, DOMAINS, null, null, refuse('email_missing')],
    ['blank email claim', { ...ok, email: '  ' }, DOMAINS, null, null, refuse('email_missing')],
    ['email_verified absent', { sub: 's', email: 'ana@acme.example' }, DOMAINS, null, null, refuse('email_unverified')],
    ['email_verified false', { ...ok, email_verified: false }, DOMAINS, null, null, refuse('email_unverified')],
    ['email_verified "false"', { ...ok, email_verified: 'false' }, DOMAINS, null, null, refuse('email_unverified')],
    [
      'email_verified "true" (Cognito)',
      { ...ok, email_verified: 'true' },
      DOMAINS,
      null,
      null,
      { outcome: 'create', email: 'ana@acme.example' },
    ],
    ['nothing configured: closed', ok, NONE, null, null, refuse('no_allow_list')],
    ['other domain', { ...ok, email: 'eve@evil.example' }, DOMAINS, null, null, refuse('not_allowed')],
    ['subdomain is not the domain', { ...ok, email: 'eve@x.acme.example' }, DOMAINS, null, null, refuse('not_allowed')],
    ['look-alike suffix', { ...ok, email: 'eve@evilacme.example' }, DOMAINS, null, null, refuse('not_allowed')],
    ['domain inside the local part', { ...ok, email: 'acme.example@evil.example' }, DOMAINS, null, null, refuse('not_allowed')],
    [
      'allowed group',
      { ...ok, email: 'c@contractor.example', groups: ['x', 'toolledger-users'] },
      GROUPS,
      null,
      null,
      { outcome: 'create', email: 'c@contractor.example' },
    ],
    [
      'group as a single string',
      { ...ok, email: 'c@contractor.example', groups: 'toolledger-users' },
      GROUPS,
      null,
      null,
      { outcome: 'create', email: 'c@contractor.example' },
    ],
    ['no allowed group', { ...ok, groups: ['staff'] }, GROUPS, null, null, refuse('not_allowed')],
    ['groups claim not a list', { ...ok, groups: { admin: true } }, GROUPS, null, null, refuse('not_allowed')],
    ['domain or group: domain suffices', ok, BOTH, null, null, { outcome: 'create', email: 'ana@acme.example' }],
    [
      'bound subject signs in',
      ok,
      DOMAINS,
      account({ oidcSubject: 'sub-1' }),
      null,
      { outcome: 'signIn', userId: 'u1', bindSubject: false },
    ],
    [
      'bound subject, deactivated',
      ok,
      DOMAINS,
      account({ oidcSubject: 'sub-1', active: false }),
      null,
      refuse('account_inactive'),
    ],
    [
      'bound subject, domain no longer allowed',
      { ...ok, email: 'ana@gone.example' },
      DOMAINS,
      account({ oidcSubject: 'sub-1' }),
      null,
      refuse('not_allowed'),
    ],
    ['local account with a password, not linked', ok, DOMAINS, null, account(), refuse('not_linked')],
    [
      'local account linked by an admin',
      ok,
      DOMAINS,
      null,
      account({ ssoLinkApproved: true }),
      { outcome: 'signIn', userId: 'u1', bindSubject: true },
    ],
    [
      'SSO-only account (no password) binds',
      ok,
      DOMAINS,
      null,
      account({ hasPassword: false }),
      { outcome: 'signIn', userId: 'u1', bindSubject: true },
    ],
    [
      'account bound to another subject',
      ok,
      DOMAINS,
      null,
      account({ oidcSubject: 'sub-2', ssoLinkApproved: true }),
      refuse('subject_mismatch'),
    ],
    ['linked but deactivated', ok, DOMAINS, null, account({ ssoLinkApproved: true, active: false }), refuse('account_inactive')],
  ])('%s', (_name, claims, policy, bySubject, byEmail, expected) => {
    expect(decideOidcSignIn({ claims, policy, bySubject, byEmail })).toEqual(expected);
  });
});
