import { findEscalations } from './permissions';
import type { PermissionSet, Tier } from './types';

/**
 * What a registry sync must shout about, decided from facts only (no I/O): the stored state of
 * a version before this sync, the version before it, and what the registry says now. The sync
 * engine stores the results; `dedupeKey` makes raising the same alert twice a no-op.
 */
export type SyncAlertKind =
  | 'failed-verification'
  | 'production-new-version'
  | 'permission-escalation'
  | 'stale-verification'
  | 'publisher-identity-withdrawn'
  | 'digest-changed'
  | 'definitions-changed'
  | 'provenance-missing'
  | 'signer-changed'
  | 'registry-deleted'
  // Invocation monitors (issue 11; lib/domain/monitoring, lib/domain/invocations).
  | 'invocation-unknown-subject'
  | 'invocation-unapproved-use'
  | 'invocation-permission-drift'
  | 'invocation-version-mismatch'
  | 'invocation-untrusted-tool'
  | 'invocation-anomaly'
  // Incident response (issue 14.6): one per affected agent, naming its owner.
  | 'incident-quarantine'
  // Review days passed (issue 12): a tool's risk review, a publisher's or a registry's vendor review.
  | 'risk-review-overdue'
  | 'publisher-review-overdue'
  | 'registry-review-overdue';

export type AlertSeverity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export const SYNC_ALERT_SEVERITY: Record<SyncAlertKind, AlertSeverity> = {
  'failed-verification': 'HIGH',
  'production-new-version': 'HIGH',
  'permission-escalation': 'HIGH',
  'stale-verification': 'MEDIUM',
  'publisher-identity-withdrawn': 'HIGH',
  'digest-changed': 'CRITICAL',
  'definitions-changed': 'CRITICAL',
  'provenance-missing': 'HIGH',
  'signer-changed': 'HIGH',
  'registry-deleted': 'CRITICAL',
  'invocation-unknown-subject': 'MEDIUM',
  'invocation-unapproved-use': 'HIGH',
  'invocation-permission-drift': 'HIGH',
  'invocation-version-mismatch': 'HIGH',
  'invocation-untrusted-tool': 'HIGH',
  'invocation-anomaly': 'MEDIUM',
  'incident-quarantine': 'CRITICAL',
  // Raised with the severity of the rating kept (lib/server/risks, lib/server/vendors); this is the usual one.
  'risk-review-overdue': 'MEDIUM',
  'publisher-review-overdue': 'MEDIUM',
  'registry-review-overdue': 'MEDIUM',
};

export const SYNC_ALERT_LABELS: Record<SyncAlertKind, string> = {
  'failed-verification': 'Failed verification',
  'production-new-version': 'New version of a production tool',
  'permission-escalation': 'Permission escalation',
  'stale-verification': 'Stale verification',
  'publisher-identity-withdrawn': 'Publisher identity withdrawn',
  'digest-changed': 'Artifact changed under the same version',
  'definitions-changed': 'Tool definitions changed under the same version',
  'provenance-missing': 'Provenance missing',
  'signer-changed': 'Signer changed',
  'registry-deleted': 'Deleted from registry',
  'invocation-unknown-subject': 'Invocation by an unknown agent, tool or version',
  'invocation-unapproved-use': 'Tool used without approval',
  'invocation-permission-drift': 'Permissions used beyond those declared',
  'invocation-version-mismatch': 'Version used is not the approved one',
  'invocation-untrusted-tool': 'Untrusted tool used',
  'invocation-anomaly': 'Anomalous invocations against the tool baseline',
  'incident-quarantine': 'Quarantined by an incident (agent owner to act)',
  'risk-review-overdue': 'Risk review overdue',
  'publisher-review-overdue': 'Publisher review overdue',
  'registry-review-overdue': 'Registry review overdue',
};

export interface DetectedAlert {
  kind: SyncAlertKind;
  severity: AlertSeverity;
  title: string;
  detail: Record<string, unknown>;
  /** Unique per fact: the same fact seen by a later sync maps to the same key. */
  dedupeKey: string;
}

export interface ProvenanceFacts {
  signaturePresent: boolean;
  provenancePresent: boolean;
  signer?: string | null;
}

export interface VersionFacts {
  version: string;
  artifactDigest: string | null;
  toolDefsHash: string | null;
  permissions: PermissionSet;
  provenance: ProvenanceFacts | null;
}

export interface VersionAlertInput {
  /** Stable id of the tool (e.g. its database id) so keys never collide across registries. */
  subject: string;
  toolName: string;
  next: VersionFacts;
  /** This same version as stored before this sync (null = first time seen). */
  sameVersionBefore: VersionFacts | null;
  /** The version released before this one, stored or in the same sync (null = first version). */
  previousVersion: VersionFacts | null;
  installedInProduction: boolean;
  /** Verification runs newly recorded by this sync. */
  newVerifications: { tier: Tier; payloadSha256: string; failedChecks: string[] }[];
}

function alert(kind: SyncAlertKind, title: string, key: string, detail: Record<string, unknown>): DetectedAlert {
  return { kind, severity: SYNC_ALERT_SEVERITY[kind], title, detail, dedupeKey: `${kind}:${key}` };
}

function lostProvenance(prev: ProvenanceFacts | null, next: ProvenanceFacts | null): string[] {
  if (!prev) return [];
  const lost: string[] = [];
  if (prev.signaturePresent && !next?.signaturePresent) lost.push('signature');
  if (prev.provenancePresent && !next?.provenancePresent) lost.push('provenance attestation');
  return lost;
}

export function detectVersionAlerts(input: VersionAlertInput): DetectedAlert[] {
  const { subject, toolName: name, next, sameVersionBefore: same, previousVersion: prev } = input;
  const at = `${subject}:${next.version}`;
  const out: DetectedAlert[] = [];

  for (const run of input.newVerifications) {
    if (run.tier !== 'FAILED') continue;
    const failed = run.failedChecks.join(', ') || 'verification run failed';
    out.push(
      alert('failed-verification', `${name} ${next.version} failed verification (${failed})`, `${at}:${run.payloadSha256}`, {
        version: next.version,
        failedChecks: run.failedChecks,
      }),
    );
  }

  if (same) {
    if (same.artifactDigest && next.artifactDigest && same.artifactDigest !== next.artifactDigest) {
      out.push(
        alert(
          'digest-changed',
          `${name} ${next.version} was re-published with a different artifact`,
          `${at}:${next.artifactDigest}`,
          {
            version: next.version,
            before: same.artifactDigest,
            after: next.artifactDigest,
          },
        ),
      );
    }
    if (same.toolDefsHash && next.toolDefsHash && same.toolDefsHash !== next.toolDefsHash) {
      out.push(
        alert(
          'definitions-changed',
          `${name} ${next.version} changed its tool definitions without a new version`,
          `${at}:${next.toolDefsHash}`,
          {
            version: next.version,
            before: same.toolDefsHash,
            after: next.toolDefsHash,
          },
        ),
      );
    }
    const raised = findEscalations(same.permissions, next.permissions);
    if (raised.length > 0) {
      out.push(
        alert(
          'permission-escalation',
          `${name} ${next.version} now declares more permissions than before`,
          `${at}:redeclared:${raised.map((e) => `${e.dimension}=${e.to}`).join(',')}`,
          {
            version: next.version,
            escalations: raised,
          },
        ),
      );
    }
    return out;
  }

  if (input.installedInProduction) {
    out.push(
      alert('production-new-version', `${name} ${next.version} was released; an older version runs in production`, at, {
        version: next.version,
        previousVersion: prev?.version ?? null,
      }),
    );
  }
  if (prev) {
    const raised = findEscalations(prev.permissions, next.permissions);
    if (raised.length > 0) {
      const what = raised.map((e) => `${e.dimension} ${e.from.toLowerCase()} → ${e.to.toLowerCase()}`).join(', ');
      out.push(
        alert('permission-escalation', `${name} ${next.version} escalates permissions: ${what}`, `${at}:from:${prev.version}`, {
          version: next.version,
          previousVersion: prev.version,
          escalations: raised,
        }),
      );
    }
    const lost = lostProvenance(prev.provenance, next.provenance);
    if (lost.length > 0) {
      out.push(
        alert('provenance-missing', `${name} ${next.version} has no ${lost.join(' or ')}, which ${prev.version} had`, at, {
          version: next.version,
          previousVersion: prev.version,
          missing: lost,
        }),
      );
    }
    const before = prev.provenance?.signer;
    const after = next.provenance?.signer;
    if (before && after && before !== after) {
      out.push(
        alert('signer-changed', `${name} ${next.version} is signed by ${after} instead of ${before}`, `${at}:${after}`, {
          version: next.version,
          previousVersion: prev.version,
          before,
          after,
        }),
      );
    }
  }
  return out;
}

export function detectStaleVerification(input: {
  subject: string;
  toolName: string;
  version: string;
  lastVerifiedAt: Date | null;
  maxAgeDays: number | null;
  now: Date;
}): DetectedAlert | null {
  if (input.maxAgeDays === null || !input.lastVerifiedAt) return null;
  const ageDays = Math.floor((input.now.getTime() - input.lastVerifiedAt.getTime()) / 86_400_000);
  if (ageDays <= input.maxAgeDays) return null;
  return alert(
    'stale-verification',
    `${input.toolName} ${input.version} was last verified ${ageDays} days ago (policy allows ${input.maxAgeDays})`,
    `${input.subject}:${input.version}:${input.lastVerifiedAt.toISOString()}`,
    { version: input.version, lastVerifiedAt: input.lastVerifiedAt.toISOString(), ageDays, maxAgeDays: input.maxAgeDays },
  );
}

type PublisherTrust = 'UNVERIFIED' | 'VERIFIED' | 'TRUSTED' | 'CURATED';

export function detectPublisherWithdrawal(input: {
  subject: string;
  publisherName: string;
  before: PublisherTrust | null;
  after: PublisherTrust;
  /** When the identity was recorded as verified: one alert per withdrawal, not per sync. */
  verifiedSince: Date | null;
}): DetectedAlert | null {
  if (!input.before || input.before === 'UNVERIFIED' || input.after !== 'UNVERIFIED') return null;
  return alert(
    'publisher-identity-withdrawn',
    `Publisher ${input.publisherName} lost its verified identity (${input.before.toLowerCase()} → unverified)`,
    `${input.subject}:${input.verifiedSince?.toISOString() ?? 'unknown'}`,
    { before: input.before, after: input.after },
  );
}

export function detectRegistryDeletion(input: {
  subject: string;
  toolName: string;
  before: string | null;
  after: string | null;
}): DetectedAlert | null {
  if (input.after !== 'deleted' || input.before === 'deleted') return null;
  return alert('registry-deleted', `${input.toolName} was deleted from its registry`, input.subject, { before: input.before });
}
