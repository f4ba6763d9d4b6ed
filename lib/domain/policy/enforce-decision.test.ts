import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from './defaults';
import { decideEnforcement, type EnforcementFacts } from './enforce-decision';
import type { VersionFacts } from './types';

const NOW = new Date('2026-11-25T12:00:00Z');
const gold: VersionFacts = {
  toolId: 't1',
  toolVersionId: 'v1',
  tier: 'GOLD',
  trustScore: 94,
  verificationState: 'PASSED',
  lastVerifiedAt: new Date('2026-11-01T00:00:00Z'),
  network: 'NONE',
  filesystem: 'NONE',
  codeExecution: 'NONE',
  dataAccess: 'READ',
  quarantineStatus: null,
  yankedAt: null,
};
const base: EnforcementFacts = {
  action: 'INVOKE',
  agentName: 'support-agent-prod-01',
  toolName: 'email-parser',
  versionName: '2.1.0',
  requestedDigest: null,
  agent: { id: 'a1', environment: 'PRODUCTION' },
  tool: { id: 't1' },
  version: { facts: gold, artifactDigest: 'sha256:aaaaaaaaaaaaaaaaaaaa' },
  installation: { state: 'ACTIVE', approvedDigest: 'sha256:aaaaaaaaaaaaaaaaaaaa' },
  policy: { ...DEFAULT_POLICIES.PRODUCTION, id: 'p1', environment: 'PRODUCTION', version: 2 },
  exceptions: [],
  now: NOW,
};
const codes = (f: Partial<EnforcementFacts>) => decideEnforcement({ ...base, ...f }).reasons.map((r) => r.code);

describe('decideEnforcement', () => {
  it('allows an active installation of a compliant version', () => {
    const r = decideEnforcement(base);
    expect(r.outcome).toBe('ALLOW');
    expect(r.reasons[0]?.message).toContain('passes the production policy v2');
  });

  it.each<[string, Partial<EnforcementFacts>, string[]]>([
    ['unknown agent', { agent: null }, ['unknown-agent']],
    ['unknown tool', { tool: null, version: null, installation: null }, ['unknown-tool']],
    ['unknown agent and tool', { agent: null, tool: null }, ['unknown-agent', 'unknown-tool']],
    ['ambiguous tool name', { tool: 'ambiguous', version: null }, ['ambiguous-tool']],
    ['unknown version', { version: null, installation: null }, ['unknown-version']],
    ['not installed', { installation: null }, ['not-installed']],
    [
      'installation requested only',
      { installation: { state: 'REQUESTED', approvedDigest: null } },
      ['installation-not-approved'],
    ],
    ['installation revoked', { installation: { state: 'REVOKED', approvedDigest: null } }, ['installation-revoked']],
    ['installation blocked', { installation: { state: 'BLOCKED', approvedDigest: null } }, ['installation-revoked']],
    ['invoke before activation', { installation: { state: 'APPROVED', approvedDigest: null } }, ['installation-not-active']],
    [
      'artifact digest changed since approval',
      { version: { facts: gold, artifactDigest: 'sha256:bbbbbbbbbbbbbbbbbbbb' } },
      ['digest-changed'],
    ],
    ['agent sends another digest', { requestedDigest: 'sha256:cccccccccccccccccccc' }, ['digest-mismatch']],
    [
      'below the production tier',
      { version: { facts: { ...gold, tier: 'VERIFIED' }, artifactDigest: null } },
      ['policy-violation'],
    ],
    [
      'quarantined',
      { version: { facts: { ...gold, quarantineStatus: 'quarantined' }, artifactDigest: null } },
      ['policy-violation'],
    ],
    [
      'not installed and below tier',
      { installation: null, version: { facts: { ...gold, tier: 'PARTIAL' }, artifactDigest: null } },
      ['not-installed', 'policy-violation'],
    ],
  ])('denies: %s', (_name, patch, expected) => {
    const r = decideEnforcement({ ...base, ...patch });
    expect(r.outcome).toBe('DENY');
    expect(r.reasons.map((x) => x.code)).toEqual(expected);
  });

  it.each<[string, Partial<EnforcementFacts>]>([
    [
      'install of an approved (not yet active) installation',
      { action: 'INSTALL', installation: { state: 'APPROVED', approvedDigest: null } },
    ],
    ['matching digest sent', { requestedDigest: 'sha256:aaaaaaaaaaaaaaaaaaaa' }],
    [
      'no digest pinned anywhere',
      {
        version: { facts: gold, artifactDigest: null },
        installation: { state: 'ACTIVE', approvedDigest: null },
        requestedDigest: 'sha256:dddddddddddddddddddd',
      },
    ],
  ])('allows: %s', (_name, patch) => {
    expect(decideEnforcement({ ...base, ...patch }).outcome).toBe('ALLOW');
  });

  it('names the policy rule and version in the reason for a tier below production', () => {
    const r = decideEnforcement({ ...base, version: { facts: { ...gold, tier: 'VERIFIED' }, artifactDigest: null } });
    expect(r.reasons[0]).toMatchObject({
      rule: 'min-tier',
      message: 'production policy v2: Tier Verified is below the minimum Gold.',
    });
  });

  it('flags an unknown tool so an install can open a change request', () => {
    expect(decideEnforcement({ ...base, action: 'INSTALL', tool: null, version: null }).unknownTool).toBe(true);
    expect(decideEnforcement({ ...base, version: null }).unknownTool).toBe(false);
  });

  it('allows under an approved exception and reports it', () => {
    const r = decideEnforcement({
      ...base,
      version: { facts: { ...gold, tier: 'VERIFIED' }, artifactDigest: null },
      exceptions: [
        {
          id: 'ex1',
          rules: ['min-tier'],
          toolId: 't1',
          toolVersionId: 'v1',
          environment: 'PRODUCTION',
          status: 'APPROVED',
          expiresAt: new Date('2027-01-01'),
        },
      ],
    });
    expect(r.outcome).toBe('ALLOW');
    expect(r.exceptionId).toBe('ex1');
    expect(r.reasons.map((x) => x.code)).toEqual(['allowed', 'exception-used']);
  });

  it('logs unverified use in development', () => {
    const r = decideEnforcement({
      ...base,
      agent: { id: 'a2', environment: 'DEVELOPMENT' },
      policy: { ...DEFAULT_POLICIES.DEVELOPMENT, environment: 'DEVELOPMENT', version: 1 },
      version: {
        facts: { ...gold, tier: 'UNVERIFIED', verificationState: 'UNVERIFIED', lastVerifiedAt: null, trustScore: null },
        artifactDigest: null,
      },
      installation: { state: 'ACTIVE', approvedDigest: null },
    });
    expect(r.outcome).toBe('ALLOW');
    expect(r.logUnverified).toBe(true);
    expect(codes({})).toEqual(['allowed']);
  });

  it('denies when no policy is known for the environment', () => {
    expect(decideEnforcement({ ...base, policy: null }).outcome).toBe('DENY');
  });
});
