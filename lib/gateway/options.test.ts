import { describe, expect, it } from 'vitest';
import { OptionsError, parseGatewayOptions as parseWith, toolFromCommand } from './options';

const parseGatewayOptions = (argv: string[], env: Record<string, string>) => parseWith(argv, env as NodeJS.ProcessEnv);

const BASE = ['--url', 'http://localhost:3000', '--api-key', 'tl_demo_gateway_x', '--agent', 'coding-agent-dev-01'];

describe('gateway options', () => {
  it.each([
    [
      ['npx', '-y', '@modelcontextprotocol/server-filesystem@2026.8.31', '/srv'],
      { tool: '@modelcontextprotocol/server-filesystem', version: '2026.8.31' },
    ],
    [['npx', 'mcp-server-fetch@1.2.0'], { tool: 'mcp-server-fetch', version: '1.2.0' }],
    [['npx', '-y', '@modelcontextprotocol/server-filesystem', '/srv'], null],
    [['node', 'server.js'], null],
  ])('reads the pinned package of %j', (command, expected) => {
    expect(toolFromCommand(command)).toEqual(expected);
  });

  it('takes options from flags, then the environment, with fail-closed by default', () => {
    const o = parseGatewayOptions(['--', 'npx', '-y', 'pkg@1.0.0'], {
      TOOLLEDGER_URL: 'http://tl:3000',
      TOOLLEDGER_API_KEY: 'tl_key_abcdef',
      TOOLLEDGER_AGENT: 'a1',
    });
    expect(o).toMatchObject({
      url: 'http://tl:3000',
      agent: 'a1',
      tool: 'pkg',
      toolVersion: '1.0.0',
      failOpen: false,
      cacheSeconds: 5,
      dataClassification: 'internal',
    });
    expect(
      parseGatewayOptions(
        [
          ...BASE,
          '--fail-open',
          '--cache-seconds',
          '0',
          '--tool',
          't',
          '--tool-version',
          '2',
          '--remote',
          'https://mcp.example.com/mcp',
        ],
        {},
      ),
    ).toMatchObject({
      failOpen: true,
      cacheSeconds: 0,
      remote: 'https://mcp.example.com/mcp',
    });
  });

  it.each([
    [[...BASE], /give a command after -- or --remote URL/],
    [['--agent', 'a', '--api-key', 'tl_key_abcdef', '--', 'npx', 'p@1'], /--url must be a URL/],
    [[...BASE, '--', 'node', 'server.js'], /pass --tool and --tool-version/],
    [[...BASE, '--remote', 'https://x/mcp', '--', 'npx', 'p@1'], /either --remote or a command/],
    [[...BASE, '--data-classification', 'secret', '--', 'npx', 'p@1'], /--data-classification/],
    [[...BASE, '--frobnicate', '--', 'npx', 'p@1'], /Unknown option '--frobnicate'/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseGatewayOptions(argv, {})).toThrow(OptionsError);
    expect(() => parseGatewayOptions(argv, {})).toThrow(message);
  });
});
