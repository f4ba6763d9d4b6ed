// Remote MCP URL templates (server.json `remotes[].url`, with `{variable}` placeholders) compiled
// into Claude Code `serverUrl` patterns that never match more than the template does.
//
// Claude Code's rule (code.claude.com/docs/en/managed-mcp, "Match servers by URL"): a pattern is
// compared with the whole server URL, and `*` matches ANY run of characters — dots, slashes, `?`
// included. So `https://*.acme.com/mcp` also matches `https://evil.test/.acme.com/mcp`. Every `*`
// we emit therefore comes with deny entries (deny wins over allow in Claude Code) that refuse a
// value containing a character the variable cannot stand for in its position:
//   - leftmost host label → the value must stay inside the host: no `/ \ ? # @ : %`
//   - path → the value must stay inside the path: no `?` or `#`
// A variable anywhere else (scheme, inner host label, port, query, fragment) cannot be bounded,
// and the server is not exportable by URL.

export interface UrlPattern {
  allow: string;
  /** Deny entries that close what `*` would otherwise let through. */
  deny: string[];
}

export type UrlPatternResult = { ok: true; pattern: UrlPattern } | { ok: false; reason: string };

export const HOST_VARIABLE_FORBIDDEN = ['/', '\\', '?', '#', '@', ':', '%'] as const;
export const PATH_VARIABLE_FORBIDDEN = ['?', '#'] as const;

const VARS = /\{[^{}]*\}/g;
const HAS_VAR = /\{[^{}]*\}/;
const HOST_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

function fail(reason: string): UrlPatternResult {
  return { ok: false, reason };
}

export function urlTemplateToPattern(template: string): UrlPatternResult {
  const url = template.trim();
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return fail('the URL contains whitespace or control characters');
  if (url.includes('*')) return fail('the URL contains "*", which Claude Code would read as a wildcard');
  if (url.includes('\\')) return fail('the URL contains a backslash');
  if (/[{}]/.test(url.replace(VARS, ''))) return fail('the URL has an unbalanced "{" or "}"');
  const m = /^(https?):\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!m) return fail('only http and https URLs can be allowed by URL');
  const scheme = m[1]!.toLowerCase();
  const authority = m[2]!;
  const rest = m[3]!;
  if (authority.includes('@')) return fail('the URL carries user information');
  const hp = /^([^:]*)(?::(.*))?$/.exec(authority)!;
  const host = hp[1]!.toLowerCase();
  const port = hp[2];
  if (port !== undefined && (HAS_VAR.test(port) || !/^\d{1,5}$/.test(port)))
    return fail('a variable or invalid value in the port cannot be bounded');

  const labels = host.split('.');
  let hostPattern = host;
  let hostWildcard = false;
  if (HAS_VAR.test(host)) {
    const [first, ...others] = labels;
    if (!/^\{[^{}]*\}$/.test(first ?? '') || others.some((l) => l.includes('{')))
      return fail('a variable in the host other than the whole leftmost label cannot be bounded');
    // "{x}.com" would become every .com host.
    if (others.length < 2) return fail('a variable in front of a top-level domain would allow every host under it');
    hostPattern = `*.${others.join('.')}`;
    hostWildcard = true;
  }
  const literalLabels = hostWildcard ? labels.slice(1) : labels;
  if (!literalLabels.length || !literalLabels.every((l) => HOST_LABEL.test(l)))
    return fail('the host is not a plain ASCII host name');

  const q = rest.search(/[?#]/);
  const path = q === -1 ? rest : rest.slice(0, q);
  const tail = q === -1 ? '' : rest.slice(q);
  if (HAS_VAR.test(tail)) return fail('a variable in the query or fragment cannot be bounded');
  const pathPattern = path.replace(VARS, '*');

  const allow = `${scheme}://${hostPattern}${port !== undefined ? `:${port}` : ''}${pathPattern}${tail}`;
  return { ok: true, pattern: { allow, deny: denyEntries(allow, hostWildcard) } };
}

/** For the k-th `*`, a copy of the pattern in which that `*` must contain a forbidden character. */
function denyEntries(allow: string, hostWildcard: boolean): string[] {
  const parts = allow.split('*');
  const out: string[] = [];
  for (let k = 0; k < parts.length - 1; k++) {
    const forbidden = k === 0 && hostWildcard ? HOST_VARIABLE_FORBIDDEN : PATH_VARIABLE_FORBIDDEN;
    for (const c of forbidden) out.push([...parts.slice(0, k + 1)].join('*') + `*${c}*` + parts.slice(k + 1).join('*'));
  }
  return out;
}
