import { describe, expect, it } from 'vitest';
import { isSecretFieldName, REDACTED, redactSecrets } from './redact-secrets';

describe('isSecretFieldName', () => {
  it.each([
    ['apiKey', true],
    ['api_key', true],
    ['X-API-Key', true],
    ['accessToken', true],
    ['refresh_token', true],
    ['clientSecret', true],
    ['password', true],
    ['newPasswd', true],
    ['Authorization', true],
    ['credentials', true],
    ['privateKey', true],
    ['cookie', true],
    ['name', false],
    ['baseUrl', false],
    ['prefix', false],
    ['keyStorage', false],
    ['perPage', false],
  ])('%s → %s', (name, secret) => expect(isSecretFieldName(name)).toBe(secret));
});

describe('redactSecrets', () => {
  it('blanks secret fields at any depth, in arrays too, and keeps the rest', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(
      redactSecrets({
        name: 'AgentNode',
        config: {
          perPage: 20,
          apiKey: 'ank_live_123',
          nested: [{ token: 'abc', ok: 1 }],
          headers: { Authorization: 'Bearer x' },
        },
        password: { hash: 'x' },
        at,
      }),
    ).toEqual({
      name: 'AgentNode',
      config: { perPage: 20, apiKey: REDACTED, nested: [{ token: REDACTED, ok: 1 }], headers: { Authorization: REDACTED } },
      password: REDACTED,
      at,
    });
  });

  it('keeps booleans and null under secret names (presence, not the secret)', () => {
    expect(redactSecrets({ passwordChanged: true, apiKey: null, token: 0 })).toEqual({
      passwordChanged: true,
      apiKey: null,
      token: REDACTED,
    });
  });

  it('leaves scalars and null alone', () => {
    expect(redactSecrets('apiKey')).toBe('apiKey');
    expect(redactSecrets(null)).toBeNull();
    expect(redactSecrets(undefined)).toBeUndefined();
  });
});
