import type { PermissionSet, Tier } from '../types';
import { TIER_LABELS } from '../tiers';
import { type RiskLevel } from './score';

export type Classification = 'PUBLIC' | 'INTERNAL' | 'CONFIDENTIAL' | 'RESTRICTED';
export type PublisherTrust = 'UNVERIFIED' | 'VERIFIED' | 'TRUSTED' | 'CURATED';
export type SignalSeverity = 'info' | 'low' | 'medium' | 'high' | 'critical';
export type AlertSeverity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** What ToolLedger knows about a tool when someone assesses it (read by lib/server/risks). */
export interface RiskFacts {
  tier: Tier;
  trustScore: number | null;
  permissions: PermissionSet;
  /** Hosts data can reach outside the environment (declared allowed domains, mapped flows). */
  externalHosts: string[];
  dataClassification: Classification;
  publisherTrust: PublisherTrust;
  /** The registry's risk signals on the latest version. */
  riskSignals: { label: string; severity: SignalSeverity }[];
  /** Open (not resolved) alerts on the tool. */
  openAlerts: { title: string; severity: AlertSeverity }[];
}

export interface SuggestedLevel {
  value: RiskLevel;
  /** Why, one line per fact that moved it, in the order applied. */
  reasons: string[];
}

export interface RiskSuggestion {
  likelihood: SuggestedLevel;
  impact: SuggestedLevel;
}

/** Likelihood that the tool misbehaves or is abused, starting from how well it is verified. */
export const TIER_LIKELIHOOD: Record<Tier, RiskLevel> = { GOLD: 1, VERIFIED: 2, PARTIAL: 3, UNVERIFIED: 4, FAILED: 5 };
/** Impact if it does, starting from the most sensitive data it handles. */
export const CLASSIFICATION_IMPACT: Record<Classification, RiskLevel> = {
  PUBLIC: 1,
  INTERNAL: 2,
  CONFIDENTIAL: 3,
  RESTRICTED: 4,
};

const SERIOUS_SIGNALS = new Set<SignalSeverity>(['high', 'critical']);
const SERIOUS_ALERTS = new Set<AlertSeverity>(['HIGH', 'CRITICAL']);

function clamp(value: number, reasons: string[]): SuggestedLevel {
  if (value > 5) return { value: 5, reasons: [...reasons, `Capped at 5 (the factors add up to ${value})`] };
  return { value: value as RiskLevel, reasons };
}

/**
 * The pre-filled likelihood and impact: each starts from a base and each aggravating fact adds
 * one, with a sentence saying which fact and why. The assessor confirms or overrides each value
 * with a reason; the suggestion is stored beside the assessment as it was computed.
 */
export function suggestRisk(f: RiskFacts): RiskSuggestion {
  const l: string[] = [];
  let likelihood: number = TIER_LIKELIHOOD[f.tier];
  l.push(`Tier ${TIER_LABELS[f.tier]}${f.trustScore === null ? '' : ` (trust score ${f.trustScore})`}: base ${likelihood}`);
  const signals = f.riskSignals.filter((s) => SERIOUS_SIGNALS.has(s.severity));
  if (signals.length) {
    likelihood += 1;
    l.push(
      `+1 registry risk signal${signals.length > 1 ? 's' : ''}: ${signals.map((s) => `${s.label} (${s.severity})`).join(', ')}`,
    );
  }
  const alerts = f.openAlerts.filter((a) => SERIOUS_ALERTS.has(a.severity));
  if (alerts.length) {
    likelihood += 1;
    l.push(`+1 open high or critical alert${alerts.length > 1 ? 's' : ''}: ${alerts.map((a) => a.title).join('; ')}`);
  }
  if (f.publisherTrust === 'UNVERIFIED') {
    likelihood += 1;
    l.push('+1 the publisher’s identity is not verified by its registry');
  }

  const i: string[] = [];
  let impact: number = CLASSIFICATION_IMPACT[f.dataClassification];
  i.push(`Data classification ${f.dataClassification.toLowerCase()}: base ${impact}`);
  const egress = f.permissions.network === 'EXTERNAL' || f.externalHosts.length > 0;
  if (egress) {
    impact += 1;
    const hosts = f.externalHosts.length ? ` to ${f.externalHosts.join(', ')}` : '';
    i.push(`+1 data can leave the environment (network ${f.permissions.network.toLowerCase()}${hosts})`);
  }
  const powers = [
    f.permissions.filesystem === 'WRITE' ? 'filesystem write' : null,
    f.permissions.codeExecution === 'UNRESTRICTED' ? 'unrestricted code execution' : null,
    f.permissions.dataAccess === 'READ_WRITE' ? 'read-write data access' : null,
  ].filter(Boolean);
  if (powers.length) {
    impact += 1;
    i.push(`+1 it can change things: ${powers.join(', ')}`);
  }
  return { likelihood: clamp(likelihood, l), impact: clamp(impact, i) };
}
