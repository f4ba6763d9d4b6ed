import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

describe('security headers', () => {
  it.each([
    [{ development: false, https: false }, false, false],
    [{ development: false, https: true }, false, true],
    [{ development: true, https: false }, true, false],
  ])('%o → eval %s, HSTS %s', (options, evalAllowed, hsts) => {
    const headers = securityHeaders(options);
    const csp = headers['Content-Security-Policy']!;
    expect(csp.includes("'unsafe-eval'")).toBe(evalAllowed);
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'default-src')).toBe("default-src 'self'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect('Strict-Transport-Security' in headers).toBe(hsts);
    expect(csp.includes('upgrade-insecure-requests')).toBe(hsts);
  });

  it('lets the sign-in form go on to the configured OIDC provider only', () => {
    expect(
      directive(contentSecurityPolicy({ development: false, https: true, oidcOrigin: 'https://sso.example' }), 'form-action'),
    ).toBe("form-action 'self' https://sso.example");
    expect(directive(contentSecurityPolicy({ development: false, https: true }), 'form-action')).toBe("form-action 'self'");
  });
});
