import { describe, expect, it } from 'vitest';
import { config } from '@/proxy';
import { MACHINE_API_ROUTES, machineApiHeaderRules } from './machine-api-routes';

// Next.js matches a path against the matcher as a whole (path-to-regexp: the unnamed group is the pattern).
const runsProxy = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));

describe('proxy matcher', () => {
  it.each(MACHINE_API_ROUTES)('skips the machine API route %s', (path) => {
    expect(runsProxy(path)).toBe(false);
  });

  it.each([
    '/',
    '/sign-in',
    '/inventory/%ff',
    '/api/v1/registries/abc/sync',
    '/api/v1/enforce/other',
    '/api/v1/healthz',
    '/api/v1/events/export/x',
    '/api/changes',
    '/_next/static/chunks/app.js',
  ])('runs for %s', (path) => {
    expect(runsProxy(path)).toBe(true);
  });

  it('names exactly the routes whose headers next.config.ts sets', () => {
    const sources = [...new Set(machineApiHeaderRules().map((r) => r.source))].sort();
    expect(sources).toEqual([...MACHINE_API_ROUTES].sort());
    for (const path of sources) expect(runsProxy(path)).toBe(false);
  });

  it('gives the machine API the production headers, HSTS only when forwarded over https', () => {
    const rules = machineApiHeaderRules().filter((r) => r.source === '/api/v1/enforce');
    const plain = rules.find((r) => !r.has)!;
    const https = rules.find((r) => r.has)!;
    const value = (r: typeof plain, key: string) => r.headers.find((h) => h.key === key)?.value;
    expect(value(plain, 'X-Content-Type-Options')).toBe('nosniff');
    expect(value(plain, 'Content-Security-Policy')).not.toContain('unsafe-eval');
    expect(value(plain, 'Strict-Transport-Security')).toBeUndefined();
    expect(value(https, 'Strict-Transport-Security')).toContain('max-age=');
    const proto = new RegExp(`^${https.has![0]!.value}$`);
    for (const v of ['https', 'HTTPS', 'https, http', ' https']) expect(proto.test(v)).toBe(true);
    for (const v of ['http', 'http, https', 'httpsx']) expect(proto.test(v)).toBe(false);
  });
});
