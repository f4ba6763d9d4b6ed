import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claudeAllowsServer, claudeUrlMatches } from './claude-code-rules';
import { toClaudeManagedSettings } from './claude-code';
import { urlTemplateToPattern } from './claude-url';
import type { ExportableVersion } from './types';

describe('urlTemplateToPattern', () => {
  it.each([
    ['https://mcp.acme.com/v1/mcp', 'https://mcp.acme.com/v1/mcp'],
    ['https://{tenant}.acme.com/mcp', 'https://*.acme.com/mcp'],
    ['https://example.com/{id}/sse', 'https://example.com/*/sse'],
    ['HTTPS://MCP.Acme.com:8443/Mcp?v=1', 'https://mcp.acme.com:8443/Mcp?v=1'],
  ])('%s → %s', (template, allow) => {
    const r = urlTemplateToPattern(template);
    expect(r.ok && r.pattern.allow).toBe(allow);
  });

  it('a path variable never turns the host into a wildcard (issue: https://example.com/{id}/sse was https://*.com/*)', () => {
    const r = urlTemplateToPattern('https://example.com/{id}/sse');
    if (!r.ok) throw new Error(r.reason);
    expect(claudeUrlMatches(r.pattern.allow, 'https://evil.com/x/sse')).toBe(false);
    expect(r.pattern.deny).toEqual(['https://example.com/*?*/sse', 'https://example.com/*#*/sse']);
  });

  it.each([
    ['https://api.{region}.acme.com/mcp', 'a variable in the host other than the whole leftmost label cannot be bounded'],
    ['https://{tenant}.com/mcp', 'a variable in front of a top-level domain would allow every host under it'],
    ['https://acme.com:{port}/mcp', 'a variable or invalid value in the port cannot be bounded'],
    ['https://acme.com/mcp?tenant={t}', 'a variable in the query or fragment cannot be bounded'],
    ['{scheme}://acme.com/mcp', 'only http and https URLs can be allowed by URL'],
    ['https://acme.com/*', 'the URL contains "*", which Claude Code would read as a wildcard'],
    ['https://user@acme.com/mcp', 'the URL carries user information'],
    ['https://acme.com/{id', 'the URL has an unbalanced "{" or "}"'],
    ['ftp://acme.com/x', 'only http and https URLs can be allowed by URL'],
    ['https://ac me.com/x', 'the URL contains whitespace or control characters'],
  ])('%s is not exportable: %s', (template, reason) => {
    expect(urlTemplateToPattern(template)).toEqual({ ok: false, reason });
  });
});

// What the approved template allows, decided independently of the pattern compiler: the WHATWG
// URL parser (what a client connects to) must give the template's scheme and port, its host (a
// leftmost-label variable: any subdomain of the rest), and a path whose variables may be anything
// while query and fragment stay the template's literal ones. Case is not a boundary here.
function templateAllows(template: string, url: string): boolean {
  let u: URL;
  let t: URL;
  try {
    u = new URL(url);
    t = new URL(template.replace(/\{[^{}]*\}/g, 'v'));
  } catch {
    return false;
  }
  if (u.protocol !== t.protocol || u.port !== t.port) return false;
  const hostVar = /^[a-z]+:\/\/\{[^{}]*\}\./i.test(template);
  const base = t.hostname.replace(/^v\./, '');
  if (hostVar ? !u.hostname.endsWith(`.${base}`) : u.hostname !== t.hostname) return false;
  // Path, query and fragment are compared as written: the template's own substitution is textual.
  const split = (x: string) => {
    const rest = x.replace(/^[a-z]+:\/\/[^/?#\\]*/i, '');
    const cut = rest.search(/[?#]/);
    return cut === -1 ? [rest, ''] : [rest.slice(0, cut), rest.slice(cut)];
  };
  const [tPath, tTail] = split(template);
  const [uPath, uTail] = split(url);
  const pathRe = new RegExp(
    `^${tPath!
      .split(/\{[^{}]*\}/)
      .map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join('[^?#]*')}$`,
    'i',
  );
  return pathRe.test(uPath!) && uTail!.toLowerCase() === tTail!.toLowerCase();
}

const label = fc.constantFrom('acme', 'mcp', 'api', 'example', 'corp', 'x1');
const segment = fc.oneof(fc.constantFrom('mcp', 'v1', 'sse', 'tools'), fc.constant('{id}'), fc.constant('{region}'));
const template = fc
  .record({
    scheme: fc.constantFrom('https', 'http'),
    hostVar: fc.boolean(),
    labels: fc.array(label, { minLength: 2, maxLength: 3 }),
    port: fc.option(fc.constantFrom('8443', '3000'), { nil: undefined }),
    path: fc.array(segment, { maxLength: 3 }),
    query: fc.option(fc.constantFrom('?v=1', '?mode=sse'), { nil: undefined }),
  })
  .map(
    (t) =>
      `${t.scheme}://${t.hostVar ? '{tenant}.' : ''}${t.labels.join('.')}${t.port ? `:${t.port}` : ''}/${t.path.join('/')}${t.query ?? ''}`,
  );
// Pieces an attacker would put where a `*` stands: delimiters that move the host or the path.
const filler = fc
  .array(fc.constantFrom('a', 'Z', '-', '.', '/', '\\', '?', '#', '@', ':', '%2F', 'evil.test', 'acme.', 'x.y', '..'), {
    maxLength: 5,
  })
  .map((xs) => xs.join(''));

const remoteVersion = (urls: string[], i: number): ExportableVersion => ({
  toolId: `t${i}`,
  toolVersionId: `v${i}`,
  externalId: `server-${i}`,
  name: `Server ${i}`,
  version: '1.0.0',
  artifactDigest: null,
  permissions: { network: 'EXTERNAL', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'NONE' },
  allowedDomains: [],
  declared: { remotes: urls.map((url) => ({ url })) },
});

describe('property: no Claude Code pattern matches a URL the approved template does not', () => {
  it('holds for generated templates and adversarial URLs, under Claude Code’s matching rules', () => {
    fc.assert(
      fc.property(
        fc.array(template, { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.array(filler, { minLength: 4, maxLength: 4 }),
        (templates, pick, fills) => {
          const { settings } = toClaudeManagedSettings(templates.map((t, i) => remoteVersion([t], i)));
          const allows = settings.allowedMcpServers.flatMap((e) => ('serverUrl' in e ? [e.serverUrl] : []));
          if (allows.length === 0) return;
          const pattern = allows[pick % allows.length]!;
          const url = pattern
            .split('*')
            .reduce((acc, part, k) => (k === 0 ? part : acc + fills[(k - 1) % fills.length] + part), '');
          if (claudeAllowsServer(settings, { kind: 'remote', name: 'whatever', url })) {
            expect(
              templates.some((t) => templateAllows(t, url)),
              `${url} allowed by ${pattern}`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 1500, seed: 20261201 },
    );
  }, 60_000);

  it('still allows the URLs the template stands for', () => {
    const { settings } = toClaudeManagedSettings([remoteVersion(['https://{tenant}.acme.com/mcp/{id}/sse'], 1)]);
    for (const url of ['https://eu.acme.com/mcp/42/sse', 'https://a.b.acme.com/mcp/x/y/sse']) {
      expect(claudeAllowsServer(settings, { kind: 'remote', name: 'n', url }), url).toBe(true);
    }
    for (const url of [
      'https://evil.test/.acme.com/mcp/1/sse',
      'https://evil.test?.acme.com/mcp/1/sse',
      'https://acme.com.evil.test/mcp/1/sse',
      'https://eu.acme.com/mcp/1?/sse',
    ]) {
      expect(claudeAllowsServer(settings, { kind: 'remote', name: 'n', url }), url).toBe(false);
    }
  });
});
