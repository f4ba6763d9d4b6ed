import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../policy/defaults';
import type { Environment } from '../types';
import { governancePolicyMarkdown, type GovernancePolicyInput, type GovernedPolicy } from './governance-policy';
import { inlineText, parseMarkdownBlocks, type Block } from './markdown-blocks';

const policy = (environment: Environment, over: Partial<GovernedPolicy> = {}): GovernedPolicy => ({
  ...DEFAULT_POLICIES[environment],
  id: `pol-${environment.toLowerCase()}`,
  version: 1,
  createdAt: new Date('2026-04-01T10:00:00Z'),
  changeNote: 'initial',
  ...over,
});

const input = (over: Partial<GovernancePolicyInput> = {}): GovernancePolicyInput => ({
  instanceName: 'acme-prod',
  policies: {
    PRODUCTION: policy('PRODUCTION', {
      version: 7,
      maxNetwork: 'INTERNAL',
      maxFilesystem: 'READ',
      maxCodeExecution: 'NONE',
      maxDataAccess: 'READ',
      minTrustScore: 85,
      maxExceptionDays: 30,
    }),
    STAGING: policy('STAGING', { version: 3 }),
    DEVELOPMENT: policy('DEVELOPMENT', { id: undefined, version: 0, createdAt: null, changeNote: 'defaults' }),
  },
  registries: [
    { name: 'AgentNode', kind: 'AGENTNODE', baseUrl: 'https://agentnode.example', enabled: true },
    { name: 'Old npm', kind: 'NPM', baseUrl: 'https://registry.npmjs.org', enabled: false },
  ],
  alertKinds: [
    { kind: 'permission-escalation', label: 'Permission escalation', severity: 'HIGH' },
    { kind: 'digest-changed', label: 'Artifact changed under the same version', severity: 'CRITICAL' },
  ],
  eventsRetentionDays: 400,
  ...over,
});

/** The rows of the table that follows the heading whose text starts with `heading`. */
function tableAfter(blocks: Block[], heading: string): string[][] {
  const at = blocks.findIndex((b) => b.type === 'heading' && inlineText(b.text).startsWith(heading));
  const t = blocks.slice(at + 1).find((b) => b.type === 'table');
  if (!t || t.type !== 'table') throw new Error(`no table after ${heading}`);
  return t.rows.map((r) => r.map(inlineText));
}

function listAfter(blocks: Block[], heading: string): string[] {
  const at = blocks.findIndex((b) => b.type === 'heading' && inlineText(b.text).startsWith(heading));
  const l = blocks.slice(at + 1).find((b) => b.type === 'list');
  if (!l || l.type !== 'list') throw new Error(`no list after ${heading}`);
  return l.items.map(inlineText);
}

describe('governancePolicyMarkdown', () => {
  const doc = governancePolicyMarkdown(input());
  const blocks = parseMarkdownBlocks(doc.markdown);

  it('names the policy versions, ids and settings hashes it was generated from', () => {
    expect(doc.versionLabel).toBe('PRODUCTION v7 · STAGING v3 · DEVELOPMENT v0');
    const rows = tableAfter(blocks, 'Source policy versions');
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['Production', '7', 'pol-production'],
      ['Staging', '3', 'pol-staging'],
      ['Development', '0', 'defaults (no policy saved yet)'],
    ]);
    expect(rows.map((r) => r[3])).toEqual(doc.policies.map((p) => p.sha256));
    expect(doc.policies.every((p) => /^[0-9a-f]{64}$/.test(p.sha256))).toBe(true);
    expect(doc.markdown).toContain(doc.versionLabel);
  });

  it("writes each environment's permission limits", () => {
    expect(tableAfter(blocks, '3. Permission limits')).toEqual([
      ['Production', 'internal', 'read', 'none', 'read'],
      ['Staging', 'external', 'write', 'unrestricted', 'read-write'],
      ['Development', 'external', 'write', 'unrestricted', 'read-write'],
    ]);
  });

  it('writes minimum tiers, scores and verification rules', () => {
    expect(tableAfter(blocks, '2. Minimum verification')).toEqual([
      ['Production', 'Gold', '85', 'required', '180 days', 'subject to the rules above'],
      ['Staging', 'Verified', 'none', 'required', '365 days', 'subject to the rules above'],
      ['Development', 'none', 'none', 'not required', 'no limit', 'allowed, every use logged'],
    ]);
  });

  it('lists approved registries and names disabled ones apart', () => {
    expect(listAfter(blocks, '1. Approved registries')).toEqual(['AgentNode (AGENTNODE, https://agentnode.example)']);
    expect(doc.markdown).toContain('Connected but disabled (not approved for new tools): Old npm.');
  });

  it('says so when no registry is enabled', () => {
    const none = governancePolicyMarkdown(input({ registries: [] }));
    expect(none.markdown).toContain('No registry is enabled: no tool can enter the inventory.');
  });

  it('writes review triggers per environment and what reopens an exception', () => {
    const noTriggers = governancePolicyMarkdown(
      input({
        policies: {
          ...input().policies,
          STAGING: policy('STAGING', {
            reviewOnExternalNetwork: false,
            reviewOnFilesystemWrite: false,
            reviewOnCodeExecution: false,
          }),
        },
      }),
    );
    const items = listAfter(parseMarkdownBlocks(noTriggers.markdown), '4. Review triggers');
    expect(items).toEqual([
      'Production: external network, filesystem write, any code execution',
      'Staging: no manual security review trigger',
      'Development: external network, filesystem write, any code execution',
    ]);
    expect(noTriggers.markdown).toContain('- a new version of the tool becomes its latest');
    expect(noTriggers.markdown).toContain('- the tier drops');
  });

  it('writes the exception process: maximum days, segregation of duties, what no exception waives', () => {
    expect(tableAfter(blocks, '5. Exception process')).toEqual([
      ['Production', '30 days'],
      ['Staging', '180 days'],
      ['Development', '365 days'],
    ]);
    expect(doc.markdown).toContain('Segregation of duties: nobody decides an exception or change request they raised');
    expect(doc.markdown).toContain('No exception can waive: not-quarantined.');
  });

  it('writes data handling, monitoring alerts (sorted) and incident response', () => {
    expect(listAfter(blocks, '6. Data handling')[0]).toBe('Production: tools may at most read data.');
    expect(doc.markdown).toContain('kept 400 days');
    expect(tableAfter(blocks, '7. Monitoring')).toEqual([
      ['Artifact changed under the same version', 'digest-changed', 'critical'],
      ['Permission escalation', 'permission-escalation', 'high'],
    ]);
    expect(listAfter(blocks, '8. Incident response')[0]).toContain('quarantines or yanks');
  });

  it('is deterministic and its sha256 is the digest of its Markdown', () => {
    const again = governancePolicyMarkdown(input());
    expect(again.markdown).toBe(doc.markdown);
    expect(doc.sha256).toBe(createHash('sha256').update(doc.markdown, 'utf8').digest('hex'));
  });

  it('changes version label, policy hash and digest when a policy changes', () => {
    const changed = governancePolicyMarkdown(
      input({ policies: { ...input().policies, STAGING: policy('STAGING', { version: 4, maxExceptionDays: 60 }) } }),
    );
    expect(changed.versionLabel).toBe('PRODUCTION v7 · STAGING v4 · DEVELOPMENT v0');
    expect(changed.policies[1]!.sha256).not.toBe(doc.policies[1]!.sha256);
    expect(changed.policies[0]!.sha256).toBe(doc.policies[0]!.sha256);
    expect(changed.sha256).not.toBe(doc.sha256);
  });

  it('states one environment only when asked (the evidence pack writes one document per environment)', () => {
    const staging = governancePolicyMarkdown(input({ environments: ['STAGING'] }));
    expect(staging.versionLabel).toBe('STAGING v3');
    expect(staging.policies.map((p) => p.environment)).toEqual(['STAGING']);
    expect(staging.policies[0]!.sha256).toBe(doc.policies[1]!.sha256);
    expect(staging.markdown).not.toContain('Production');
    expect(listAfter(parseMarkdownBlocks(staging.markdown), '6. Data handling')[0]).toMatch(/^Staging: /);
  });

  it('keeps a pipe in a change note from breaking the table', () => {
    const piped = governancePolicyMarkdown(
      input({ policies: { ...input().policies, STAGING: policy('STAGING', { changeNote: 'a | b\nc' }) } }),
    );
    const rows = tableAfter(parseMarkdownBlocks(piped.markdown), 'Source policy versions');
    expect(rows[1]).toHaveLength(6);
    expect(rows[1]![5]).toBe('a / b c');
  });
});
