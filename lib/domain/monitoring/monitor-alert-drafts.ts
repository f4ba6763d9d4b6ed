import { DIMENSION_LABELS, LEVEL_LABELS, type PermissionDimension } from '../permissions';
import { SYNC_ALERT_SEVERITY, type AlertSeverity, type SyncAlertKind } from '../sync-alerts';
import type { Environment, Tier } from '../types';
import { ANOMALY_METRIC_LABELS, type AnomalyFinding } from './anomaly';
import type { DimensionDrift } from './permission-use';

/** An alert a monitor wants raised; `evidence` are the chain positions of events that show it. */
export interface MonitorAlertDraft {
  kind: SyncAlertKind;
  severity: AlertSeverity;
  title: string;
  dedupeKey: string;
  toolId: string | null;
  toolVersionId: string | null;
  detail: Record<string, unknown>;
  evidence: string[];
}

/** What a group of events in one monitor run shows (the evidence of an alert). */
export interface EventGroup {
  events: number;
  /** The first chain positions, oldest first (a handful, not all). */
  seqs: string[];
  agents: string[];
  firstAt: Date;
  lastAt: Date;
}

const level = (d: PermissionDimension, l: string) => (LEVEL_LABELS[d] as Record<string, string>)[l] ?? l.toLowerCase();
const seen = (g: EventGroup) => ({
  events: g.events,
  agents: g.agents,
  firstAt: g.firstAt.toISOString(),
  lastAt: g.lastAt.toISOString(),
});

/** One alert per version, dimension and observed level: a stream of such calls raises it once. */
export function driftAlert(s: {
  toolId: string;
  toolVersionId: string;
  tool: string;
  version: string;
  drift: DimensionDrift;
  group: EventGroup;
}): MonitorAlertDraft {
  const { dimension, declared, observed } = s.drift;
  return {
    kind: 'invocation-permission-drift',
    severity:
      dimension === 'codeExecution' || dimension === 'filesystem' ? 'HIGH' : SYNC_ALERT_SEVERITY['invocation-permission-drift'],
    title: `${s.tool} ${s.version} used ${DIMENSION_LABELS[dimension].toLowerCase()} ${level(dimension, observed)}; it declares ${level(dimension, declared)}`,
    dedupeKey: `invocation-permission-drift:${s.toolVersionId}:${dimension}:${observed}`,
    toolId: s.toolId,
    toolVersionId: s.toolVersionId,
    detail: { tool: s.tool, version: s.version, dimension, declared, observed, ...seen(s.group) },
    evidence: s.group.seqs,
  };
}

export function versionMismatchAlert(s: {
  agent: string;
  toolId: string;
  toolVersionId: string | null;
  tool: string;
  version: string;
  approved: string[];
  group: EventGroup;
}): MonitorAlertDraft {
  const approved = s.approved.join(', ');
  return {
    kind: 'invocation-version-mismatch',
    severity: SYNC_ALERT_SEVERITY['invocation-version-mismatch'],
    title: `${s.agent} called ${s.tool} ${s.version}; the approved version is ${approved}`,
    dedupeKey: `invocation-version-mismatch:${s.agent}:${s.toolId}:${s.version}`,
    toolId: s.toolId,
    toolVersionId: s.toolVersionId,
    detail: { agent: s.agent, tool: s.tool, version: s.version, approvedVersions: s.approved, ...seen(s.group) },
    evidence: s.group.seqs,
  };
}

export function untrustedToolAlert(s: {
  toolId: string;
  toolVersionId: string;
  tool: string;
  version: string;
  tier: Tier;
  reason: string;
  claimed: string | null;
  group: EventGroup;
}): MonitorAlertDraft {
  return {
    kind: 'invocation-untrusted-tool',
    severity: s.tier === 'FAILED' ? 'CRITICAL' : SYNC_ALERT_SEVERITY['invocation-untrusted-tool'],
    title: `Untrusted tool used: ${s.tool} ${s.version} (${s.reason})`,
    dedupeKey: `invocation-untrusted-tool:${s.toolVersionId}:${s.tier}`,
    toolId: s.toolId,
    toolVersionId: s.toolVersionId,
    detail: { tool: s.tool, version: s.version, tier: s.tier, reason: s.reason, claimedTrustLevel: s.claimed, ...seen(s.group) },
    evidence: s.group.seqs,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** One alert per tool, environment, metric and hour: the hour is the anomaly, not each event in it. */
export function anomalyAlert(s: {
  subject: string;
  toolId: string | null;
  tool: string;
  environment: Environment;
  hour: Date;
  finding: AnomalyFinding;
}): MonitorAlertDraft {
  const { metric, observed, baseline, deviation, threshold, windowHours } = s.finding;
  const { name, unit } = ANOMALY_METRIC_LABELS[metric];
  return {
    kind: 'invocation-anomaly',
    severity: deviation >= 2 * threshold ? 'HIGH' : SYNC_ALERT_SEVERITY['invocation-anomaly'],
    title: `${s.tool} in ${s.environment.toLowerCase()}: ${name.toLowerCase()} ${round(observed)} ${unit} against a baseline median of ${round(baseline.median)} (z ${round(deviation)})`,
    dedupeKey: `invocation-anomaly:${s.subject}:${s.environment}:${metric}:${s.hour.toISOString()}`,
    toolId: s.toolId,
    toolVersionId: null,
    detail: {
      tool: s.tool,
      environment: s.environment,
      metric,
      unit,
      hour: s.hour.toISOString(),
      observed: round(observed),
      baselineMedian: round(baseline.median),
      baselineMad: round(baseline.mad),
      baselineScale: round(baseline.scale),
      baselineSamples: baseline.samples,
      deviation: round(deviation),
      threshold,
      windowHours,
    },
    evidence: [],
  };
}
