import { describe, expect, it } from 'vitest';
import { API_KEY_PATTERN } from '@/lib/validation/api-key';
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from './api-key-secret';

describe('API key secrets', () => {
  it.each([
    [['ENFORCE'], /^tl_enforce_[A-Za-z0-9]{32}$/],
    [['READ'], /^tl_read_[A-Za-z0-9]{32}$/],
    [['ENFORCE', 'READ'], /^tl_multi_[A-Za-z0-9]{32}$/],
  ] as const)('%j keys look like %s and match the accepted pattern', (scopes, shape) => {
    const secret = generateApiKeySecret(scopes);
    expect(secret).toMatch(shape);
    expect(secret).toMatch(API_KEY_PATTERN);
  });

  it('never repeats', () => {
    const seen = new Set(Array.from({ length: 200 }, () => generateApiKeySecret(['INGEST'])));
    expect(seen.size).toBe(200);
  });

  it('stores a SHA-256 hex digest, not the secret', () => {
    const h = hashApiKeySecret('tl_enforce_abc');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).toBe(hashApiKeySecret('tl_enforce_abc'));
    expect(h).not.toContain('abc');
  });

  it('shows a prefix too short to use', () => {
    expect(apiKeyPrefix('tl_demo_enforce_7Hq2Lx9VbN4pR8sT3wYz')).toBe('tl_demo_enforce_7Hq2Lx');
    expect(apiKeyPrefix('tl_read_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345')).toBe('tl_read_ABCDEF');
  });
});
