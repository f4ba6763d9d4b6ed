import { describe, expect, it } from 'vitest';
import { decideEnforcement, type EnforcementFacts } from './enforce-decision';
import { quarantinesHolding, type QuarantineFacts } from './incident-quarantine';
import { DEFAULT_POLICIES } from './defaults';

const q = (over: Partial<QuarantineFacts> = {}): QuarantineFacts => ({
  id: 'q1',
  toolId: 't1',
  incidentId: 'i1',
  incidentNumber: 7,
  reason: 'tampered artifact',
  toolVersionIds: [],
  ...over,
});

describe('quarantinesHolding', () => {
  it.each([
    ['whole tool holds every version', [q()], { toolId: 't1', toolVersionId: 'v1' }, ['q1']],
    ['named version held', [q({ toolVersionIds: ['v1'] })], { toolId: 't1', toolVersionId: 'v1' }, ['q1']],
    ['other version not held', [q({ toolVersionIds: ['v2'] })], { toolId: 't1', toolVersionId: 'v1' }, []],
    ['other tool not held', [q({ toolId: 't2' })], { toolId: 't1', toolVersionId: 'v1' }, []],
    [
      'several incidents',
      [q(), q({ id: 'q2', incidentNumber: 8, toolVersionIds: ['v1'] })],
      { toolId: 't1', toolVersionId: 'v1' },
      ['q1', 'q2'],
    ],
  ] as const)('%s', (_name, qs, version, ids) => {
    expect(quarantinesHolding(qs, version).map((x) => x.id)).toEqual(ids);
  });
});

describe('decideEnforcement with an incident quarantine', () => {
  const facts = (quarantines: QuarantineFacts[], exceptions: EnforcementFacts['exceptions'] = []): EnforcementFacts => ({
    action: 'INVOKE',
    agentName: 'a',
    toolName: 'tool',
    versionName: '1.0.0',
    requestedDigest: null,
    agent: { id: 'a1', environment: 'DEVELOPMENT' },
    tool: { id: 't1' },
    version: {
      artifactDigest: null,
      facts: {
        toolId: 't1',
        toolVersionId: 'v1',
        version: '1.0.0',
        tier: 'GOLD',
        trustScore: 95,
        verificationState: 'PASSED',
        lastVerifiedAt: new Date('2026-12-01T00:00:00Z'),
        network: 'NONE',
        filesystem: 'NONE',
        codeExecution: 'NONE',
        dataAccess: 'NONE',
        quarantineStatus: null,
        yankedAt: null,
      },
    },
    installation: { state: 'ACTIVE', approvedDigest: null },
    policy: { ...DEFAULT_POLICIES.DEVELOPMENT, environment: 'DEVELOPMENT', version: 1 },
    exceptions,
    quarantines,
    now: new Date('2026-12-02T00:00:00Z'),
  });

  it('allows without a quarantine, denies with one and names the incident', () => {
    expect(decideEnforcement(facts([])).outcome).toBe('ALLOW');
    const d = decideEnforcement(facts([q()]));
    expect(d.outcome).toBe('DENY');
    expect(d.reasons[0]).toMatchObject({ code: 'incident-quarantine', incidentId: 'i1' });
    expect(d.reasons[0]!.message).toContain('INC-7');
  });

  it('is not a policy rule: an approved exception for every rule does not cover it', () => {
    const everyRule = {
      id: 'e1',
      rules: ['not-quarantined', 'version-verified', 'min-tier'],
      toolId: 't1',
      toolVersionId: null,
      environment: 'DEVELOPMENT' as const,
      status: 'APPROVED' as const,
      expiresAt: new Date('2027-01-01T00:00:00Z'),
    };
    expect(decideEnforcement(facts([q()], [everyRule])).outcome).toBe('DENY');
  });
});
