import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

const PROD = {
  NEXTAUTH_SECRET: 'x'.repeat(32),
  TOOLLEDGER_ADMIN_EMAIL: 'Ops@Example.com',
  TOOLLEDGER_ADMIN_PASSWORD: 'a long enough passphrase',
  TOOLLEDGER_CHECKPOINT_KEY: 'k'.repeat(32),
};
const PG = 'postgresql://app@db.internal/toolledger';

describe('demo mode (issue 7.1)', () => {
  it.each([
    ['embedded database, development', {}, true],
    ['embedded database, NODE_ENV=test', { NODE_ENV: 'test' }, true],
    ['embedded database, NODE_ENV=production', { NODE_ENV: 'production', ...PROD }, false],
    ['PostgreSQL', { DATABASE_URL: PG, ...PROD }, false],
    ['PostgreSQL with TOOLLEDGER_DEMO=true', { DATABASE_URL: PG, TOOLLEDGER_DEMO: 'true' }, true],
    ['production with TOOLLEDGER_DEMO=true', { NODE_ENV: 'production', TOOLLEDGER_DEMO: 'true' }, true],
    ['embedded database with TOOLLEDGER_DEMO=false', { TOOLLEDGER_DEMO: 'false', ...PROD }, false],
    ['an empty TOOLLEDGER_DEMO counts as unset', { DATABASE_URL: PG, TOOLLEDGER_DEMO: '', ...PROD }, false],
  ])('%s → demo %s', (_name, source, demo) => {
    expect(parseEnv(source).demo).toBe(demo);
  });

  it.each([
    ['NEXTAUTH_SECRET', /NEXTAUTH_SECRET: required when demo mode is off/],
    ['TOOLLEDGER_ADMIN_EMAIL', /TOOLLEDGER_ADMIN_EMAIL: required when demo mode is off/],
    ['TOOLLEDGER_ADMIN_PASSWORD', /TOOLLEDGER_ADMIN_PASSWORD: required when demo mode is off/],
    ['TOOLLEDGER_CHECKPOINT_KEY', /TOOLLEDGER_CHECKPOINT_KEY: required when demo mode is off/],
  ] as const)('outside demo mode a missing %s stops the start, saying why', (name, message) => {
    const source: Record<string, string> = { DATABASE_URL: PG, ...PROD };
    delete source[name];
    expect(() => parseEnv(source)).toThrow(message);
    expect(() => parseEnv(source)).toThrow(/Demo mode is off because DATABASE_URL or NODE_ENV=production/);
  });

  it('lists every missing setting at once', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(
      /NEXTAUTH_SECRET[\s\S]*TOOLLEDGER_ADMIN_EMAIL[\s\S]*TOOLLEDGER_ADMIN_PASSWORD[\s\S]*TOOLLEDGER_CHECKPOINT_KEY/,
    );
  });

  it.each([
    ['a short admin password', { TOOLLEDGER_ADMIN_PASSWORD: 'short' }, /TOOLLEDGER_ADMIN_PASSWORD: Use at least 12 characters/],
    [
      'a malformed admin email',
      { TOOLLEDGER_ADMIN_EMAIL: 'not-an-email' },
      /TOOLLEDGER_ADMIN_EMAIL: Enter a valid email address/,
    ],
    ['a short session secret', { NEXTAUTH_SECRET: 'short' }, /NEXTAUTH_SECRET: use at least 32 characters/],
    [
      'a migration URL without a runtime URL',
      { NODE_ENV: 'production', DATABASE_URL: '', DATABASE_MIGRATION_URL: PG },
      /DATABASE_MIGRATION_URL: needs DATABASE_URL too/,
    ],
    [
      'a test clock outside demo mode',
      { TOOLLEDGER_TEST_CLOCK_FILE: '/tmp/clock' },
      /TOOLLEDGER_TEST_CLOCK_FILE: a test clock is refused/,
    ],
  ])('refuses %s', (_name, over, message) => {
    expect(() => parseEnv({ DATABASE_URL: PG, ...PROD, ...over })).toThrow(message);
  });

  it('accepts a test clock in demo mode', () => {
    expect(parseEnv({ TOOLLEDGER_TEST_CLOCK_FILE: '/tmp/clock' }).TOOLLEDGER_TEST_CLOCK_FILE).toBe('/tmp/clock');
  });

  it('normalizes the admin email as every user email is', () => {
    expect(parseEnv({ DATABASE_URL: PG, ...PROD }).TOOLLEDGER_ADMIN_EMAIL).toBe('ops@example.com');
  });
});
