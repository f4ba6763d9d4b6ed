import type { ClaudeManagedSettings } from './claude-code';

// Claude Code's documented matching rules (code.claude.com/docs/en/managed-mcp, "How a server is
// evaluated"), read as broadly as the text allows so a test built on them can only be stricter
// than the real client:
//   - serverUrl: the pattern is compared with the whole URL; `*` matches any run of characters;
//     compared case-insensitively (the client lower-cases host names; we extend that to the whole
//     string, which only makes more URLs match).
//   - serverCommand: the command and every argument must be equal, in order.
//   - deniedMcpServers wins over allowedMcpServers.
//   - a serverName match counts only when the allowlist has no entry of the server's kind
//     (serverUrl for remote servers, serverCommand for stdio servers).

export function claudeUrlMatches(pattern: string, url: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${source}$`, 'i').test(url);
}

type Server = { kind: 'remote'; name: string; url: string } | { kind: 'stdio'; name: string; command: string[] };

function matches(entry: ClaudeManagedSettings['allowedMcpServers'][number], s: Server, namesCount: boolean): boolean {
  if ('serverUrl' in entry) return s.kind === 'remote' && claudeUrlMatches(entry.serverUrl, s.url);
  if ('serverCommand' in entry)
    return (
      s.kind === 'stdio' &&
      entry.serverCommand.length === s.command.length &&
      entry.serverCommand.every((a, i) => a === s.command[i])
    );
  return namesCount && entry.serverName === s.name;
}

export function claudeAllowsServer(settings: ClaudeManagedSettings, s: Server): boolean {
  const kindKey = s.kind === 'remote' ? 'serverUrl' : 'serverCommand';
  const namesCountIn = (list: ClaudeManagedSettings['allowedMcpServers']) => !list.some((e) => kindKey in e);
  if (settings.deniedMcpServers.some((e) => matches(e, s, true))) return false;
  return settings.allowedMcpServers.some((e) => matches(e, s, namesCountIn(settings.allowedMcpServers)));
}
