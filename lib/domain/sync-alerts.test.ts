import { describe, expect, it } from 'vitest';
import { NO_PERMISSIONS } from './permissions';
import {
  detectPublisherWithdrawal,
  detectRegistryDeletion,
  detectStaleVerification,
  detectVersionAlerts,
  SYNC_ALERT_LABELS,
  SYNC_ALERT_SEVERITY,
  type VersionAlertInput,
  type VersionFacts,
} from './sync-alerts';

const v1: VersionFacts = {
  version: '1.0.0',
  artifactDigest: 'sha256:aaa',
  toolDefsHash: 'defs-a',
  permissions: NO_PERMISSIONS,
  provenance: { signaturePresent: true, provenancePresent: true, signer: 'github.com/acme/tool' },
};
const v2: VersionFacts = { ...v1, version: '1.1.0', artifactDigest: 'sha256:bbb' };

function run(overrides: Partial<VersionAlertInput>) {
  return detectVersionAlerts({
    subject: 'tool1',
    toolName: 'Tool',
    next: v2,
    sameVersionBefore: null,
    previousVersion: v1,
    installedInProduction: false,
    newVerifications: [],
    ...overrides,
  }).map((a) => [a.kind, a.severity, a.dedupeKey]);
}

describe('detectVersionAlerts', () => {
  it.each<[string, Partial<VersionAlertInput>, [string, string, string][]]>([
    ['nothing noteworthy', {}, []],
    ['first version ever', { previousVersion: null }, []],
    ['unchanged version seen again', { sameVersionBefore: v2 }, []],
    [
      'failed verification run',
      { newVerifications: [{ tier: 'FAILED', payloadSha256: 'p1', failedChecks: ['installation'] }] },
      [['failed-verification', 'HIGH', 'failed-verification:tool1:1.1.0:p1']],
    ],
    ['passing run', { newVerifications: [{ tier: 'GOLD', payloadSha256: 'p1', failedChecks: [] }] }, []],
    [
      'new version of a production tool',
      { installedInProduction: true },
      [['production-new-version', 'HIGH', 'production-new-version:tool1:1.1.0']],
    ],
    ['known version of a production tool', { installedInProduction: true, sameVersionBefore: v2 }, []],
    [
      'network none → external',
      { next: { ...v2, permissions: { ...NO_PERMISSIONS, network: 'EXTERNAL' } } },
      [['permission-escalation', 'HIGH', 'permission-escalation:tool1:1.1.0:from:1.0.0']],
    ],
    ['permissions lowered', { previousVersion: { ...v1, permissions: { ...NO_PERMISSIONS, filesystem: 'WRITE' } } }, []],
    [
      'same version, other artifact (rug pull)',
      { sameVersionBefore: { ...v2, artifactDigest: 'sha256:old' } },
      [['digest-changed', 'CRITICAL', 'digest-changed:tool1:1.1.0:sha256:bbb']],
    ],
    [
      'same version, other definitions',
      { sameVersionBefore: { ...v2, toolDefsHash: 'defs-old' } },
      [['definitions-changed', 'CRITICAL', 'definitions-changed:tool1:1.1.0:defs-a']],
    ],
    ['digest unknown before', { sameVersionBefore: { ...v2, artifactDigest: null } }, []],
    [
      'same version re-declared with more permissions',
      { sameVersionBefore: v2, next: { ...v2, permissions: { ...NO_PERMISSIONS, codeExecution: 'UNRESTRICTED' } } },
      [['permission-escalation', 'HIGH', 'permission-escalation:tool1:1.1.0:redeclared:codeExecution=UNRESTRICTED']],
    ],
    [
      'signature dropped',
      { next: { ...v2, provenance: { signaturePresent: false, provenancePresent: true, signer: null } } },
      [['provenance-missing', 'HIGH', 'provenance-missing:tool1:1.1.0']],
    ],
    [
      'never had provenance',
      {
        previousVersion: { ...v1, provenance: { signaturePresent: false, provenancePresent: false } },
        next: { ...v2, provenance: null },
      },
      [],
    ],
    [
      'signer changed',
      { next: { ...v2, provenance: { ...v1.provenance!, signer: 'github.com/fork/tool' } } },
      [['signer-changed', 'HIGH', 'signer-changed:tool1:1.1.0:github.com/fork/tool']],
    ],
    ['signer unknown now', { next: { ...v2, provenance: { ...v1.provenance!, signer: null } } }, []],
  ])('%s', (_name, overrides, expected) => {
    expect(run(overrides)).toEqual(expected);
  });

  it('reports several facts at once', () => {
    const kinds = run({
      installedInProduction: true,
      next: { ...v2, permissions: { ...NO_PERMISSIONS, network: 'EXTERNAL' }, provenance: null },
      newVerifications: [{ tier: 'FAILED', payloadSha256: 'p', failedChecks: [] }],
    }).map(([k]) => k);
    expect(kinds).toEqual(['failed-verification', 'production-new-version', 'permission-escalation', 'provenance-missing']);
  });
});

describe('detectStaleVerification', () => {
  const now = new Date('2026-11-25T00:00:00Z');
  it.each([
    [new Date('2026-11-01T00:00:00Z'), 90, false],
    [new Date('2026-08-27T00:00:00Z'), 90, false],
    [new Date('2026-08-26T00:00:00Z'), 90, true],
    [new Date('2025-01-01T00:00:00Z'), null, false],
    [null, 30, false],
  ])('verified %s, max %s days → stale %s', (verifiedAt, maxAgeDays, stale) => {
    const a = detectStaleVerification({
      subject: 't',
      toolName: 'T',
      version: '1.0.0',
      lastVerifiedAt: verifiedAt,
      maxAgeDays,
      now,
    });
    expect(a !== null).toBe(stale);
    if (a) expect(a).toMatchObject({ kind: 'stale-verification', severity: 'MEDIUM', detail: { ageDays: 91, maxAgeDays: 90 } });
  });
});

describe('detectPublisherWithdrawal', () => {
  it.each([
    ['VERIFIED', 'UNVERIFIED', true],
    ['CURATED', 'UNVERIFIED', true],
    ['UNVERIFIED', 'UNVERIFIED', false],
    [null, 'UNVERIFIED', false],
    ['TRUSTED', 'VERIFIED', false],
    ['VERIFIED', 'TRUSTED', false],
  ] as const)('%s → %s alerts: %s', (before, after, expected) => {
    const a = detectPublisherWithdrawal({ subject: 'p', publisherName: 'P', before, after, verifiedSince: new Date(0) });
    expect(a !== null).toBe(expected);
  });
});

describe('detectRegistryDeletion', () => {
  it.each([
    ['active', 'deleted', true],
    [null, 'deleted', true],
    ['deleted', 'deleted', false],
    ['active', 'deprecated', false],
  ])('%s → %s alerts: %s', (before, after, expected) => {
    const a = detectRegistryDeletion({ subject: 't', toolName: 'T', before, after });
    expect(a !== null).toBe(expected);
    if (a) expect(a.severity).toBe('CRITICAL');
  });
});

it('labels and grades every kind', () => {
  expect(Object.keys(SYNC_ALERT_LABELS).sort()).toEqual(Object.keys(SYNC_ALERT_SEVERITY).sort());
});
