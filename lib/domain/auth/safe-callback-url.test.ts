import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-callback-url';

describe('safeCallbackUrl', () => {
  it.each([
    // [input, expected]
    ['/', '/'],
    ['/inventory', '/inventory'],
    ['/changes/abc?tab=approvals#c1', '/changes/abc?tab=approvals#c1'],
    ['/audit?from=2026-01-01&to=2026-02-01', '/audit?from=2026-01-01&to=2026-02-01'],
    ['/inventory/%C3%A9t%C3%A9', '/inventory/%C3%A9t%C3%A9'],
    ['/a/../settings', '/settings'],
  ])('keeps the same-site path %j', (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    [undefined],
    [null],
    [''],
    ['//evil.example'],
    ['//evil.example/path'],
    ['///evil.example'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['\\/evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    [' //evil.example'],
    ['https://evil.example'],
    ['http://localhost:3000/anything'],
    ['HTTPS://evil.example'],
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(document.cookie)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['evil.example'],
    ['relative/path'],
    ['%2F%2Fevil.example'],
    ['/%2Fevil.example'],
    ['/%2F%2Fevil.example'],
    ['/%5Cevil.example'],
    ['%2F%5Cevil.example'],
    ['/%252Fevil.example'],
    ['%252F%252Fevil.example'],
    ['/%09/evil.example'],
    ['/%E0%A4%A'],
    // Dot segments that collapse into a protocol-relative path (these passed the old page check).
    ['/.//evil.example'],
    ['/a/..//evil.example'],
    ['/%2e//evil.example'],
    ['http://localhost//evil.example'],
    [`/${'a'.repeat(3000)}`],
  ])('refuses %j', (input) => {
    expect(safeCallbackUrl(input as string | null | undefined)).toBe('/');
  });
});
