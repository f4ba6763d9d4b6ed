import { CONTROL_CHARACTER_MESSAGE } from './text';
import { describe, expect, it } from 'vitest';
import { ZEnforceRequest } from './enforce';
import { ZCreateApiKeyInput } from './api-key';
import { ZUpdatePolicyInput } from './policy';

const good = { agent: 'support-agent-prod-01', tool: 'Email Parser', version: '2.0.1', action: 'invoke' };
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('ZEnforceRequest', () => {
  it.each<[string, Record<string, unknown>, unknown[]]>([
    ['valid, names with spaces allowed', good, []],
    [
      'valid with digest and registry',
      { ...good, registry: 'npm', artifactDigest: 'sha512-AbCdEf0123456789+/==', requestId: 'r-1' },
      [],
    ],
    ['missing version', { ...good, version: undefined }, ['version: version is required']],
    ['empty agent', { ...good, agent: '  ' }, ['agent: agent must not be empty']],
    ['unknown action', { ...good, action: 'delete' }, ['action: action must be "install" or "invoke"']],
    ['control characters', { ...good, tool: 'a\u0000b' }, [`tool: ${CONTROL_CHARACTER_MESSAGE}`]],
    ['too long', { ...good, version: 'x'.repeat(101) }, ['version: version must be at most 100 characters']],
    [
      'bad digest',
      { ...good, artifactDigest: 'md5' },
      ['artifactDigest: artifactDigest must look like sha256:<hex> or sha512-<base64>'],
    ],
    ['unknown field', { ...good, admin: true }, [expect.stringContaining('"admin"')]],
  ])('%s', (_n, input, expected) => {
    expect(issues(ZEnforceRequest.safeParse(input))).toEqual(expected);
  });
});

describe('ZCreateApiKeyInput', () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ['one scope from a form', { name: 'gateway', scopes: 'ENFORCE' }, true],
    ['several scopes', { name: 'gateway', scopes: ['ENFORCE', 'READ'], expiresInDays: '30' }, true],
    ['no scope', { name: 'gateway' }, false],
    ['unknown scope', { name: 'gateway', scopes: ['ADMIN'] }, false],
    ['short name', { name: 'g', scopes: ['READ'] }, false],
    ['expiry too long', { name: 'gateway', scopes: ['READ'], expiresInDays: '9999' }, false],
  ])('%s', (_n, input, ok) => {
    expect(ZCreateApiKeyInput.safeParse(input).success).toBe(ok);
  });
});

describe('ZUpdatePolicyInput', () => {
  const form = {
    environment: 'STAGING',
    baseVersion: '1',
    minTier: 'VERIFIED',
    minTrustScore: '',
    maxNetwork: 'EXTERNAL',
    maxFilesystem: 'WRITE',
    maxCodeExecution: 'UNRESTRICTED',
    maxDataAccess: 'READ_WRITE',
    reviewOnExternalNetwork: 'on',
    maxVerificationAgeDays: '365',
    maxExceptionDays: '180',
    changeNote: 'Tighten staging',
  };
  it('reads a posted form: empty means none, unchecked boxes are false', () => {
    const r = ZUpdatePolicyInput.parse(form);
    expect(r).toMatchObject({
      minTrustScore: null,
      reviewOnExternalNetwork: true,
      reviewOnCodeExecution: false,
      maxVerificationAgeDays: 365,
      maxExceptionDays: 180,
      baseVersion: 1,
    });
  });
  it.each<[string, Record<string, string>, string]>([
    ['score above 100', { minTrustScore: '101' }, 'minTrustScore: At most 100'],
    ['score not a number', { minTrustScore: 'abc' }, 'minTrustScore: Enter a number from 0 to 100'],
    ['no change note', { changeNote: '' }, 'changeNote: Say why the policy changes (at least 5 characters)'],
    ['unknown level', { maxNetwork: 'PUBLIC' }, 'maxNetwork: Choose a network level'],
    ['zero days', { maxVerificationAgeDays: '0' }, 'maxVerificationAgeDays: At least 1 day'],
  ])('%s', (_n, patch, expected) => {
    expect(issues(ZUpdatePolicyInput.safeParse({ ...form, ...patch }))).toEqual([expected]);
  });
});
