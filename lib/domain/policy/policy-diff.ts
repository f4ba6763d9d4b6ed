import { LEVEL_LABELS } from '../permissions';
import { TIER_LABELS } from '../tiers';
import type { PolicySettings } from './types';

export interface PolicyFieldChange {
  field: keyof PolicySettings;
  label: string;
  from: string;
  to: string;
}

const yesNo = (v: boolean) => (v ? 'yes' : 'no');

/** How each setting reads to a person; a Record so a new setting cannot be forgotten. */
const FIELDS: { [K in keyof PolicySettings]: { label: string; show: (v: PolicySettings[K]) => string } } = {
  minTier: { label: 'Minimum tier', show: (v) => (v ? TIER_LABELS[v] : 'none') },
  minTrustScore: { label: 'Minimum trust score', show: (v) => (v === null ? 'none' : String(v)) },
  maxNetwork: { label: 'Maximum network', show: (v) => LEVEL_LABELS.network[v] },
  maxFilesystem: { label: 'Maximum filesystem', show: (v) => LEVEL_LABELS.filesystem[v] },
  maxCodeExecution: { label: 'Maximum code execution', show: (v) => LEVEL_LABELS.codeExecution[v] },
  maxDataAccess: { label: 'Maximum data access', show: (v) => LEVEL_LABELS.dataAccess[v] },
  reviewOnExternalNetwork: { label: 'Review on external network', show: yesNo },
  reviewOnFilesystemWrite: { label: 'Review on filesystem write', show: yesNo },
  reviewOnCodeExecution: { label: 'Review on code execution', show: yesNo },
  requireVersionVerification: { label: 'Each version verified', show: yesNo },
  maxVerificationAgeDays: { label: 'Verification valid for (days)', show: (v) => (v === null ? 'no limit' : String(v)) },
  logUnverified: { label: 'Log unverified use', show: yesNo },
  maxExceptionDays: { label: 'Longest exception (days)', show: (v) => String(v) },
  gatewayFailOpen: { label: 'Gateways allow calls when ToolLedger is unreachable', show: yesNo },
  anomalyThreshold: { label: 'Anomaly threshold (robust z-score)', show: (v) => String(v) },
};

export const POLICY_FIELD_LABELS = Object.fromEntries(Object.entries(FIELDS).map(([k, f]) => [k, f.label])) as Record<
  keyof PolicySettings,
  string
>;

export function formatPolicySetting<K extends keyof PolicySettings>(field: K, value: PolicySettings[K]): string {
  return FIELDS[field].show(value);
}

/** The settings that differ between two versions of a policy, in display order. */
export function diffPolicies(before: PolicySettings | null, after: PolicySettings): PolicyFieldChange[] {
  return (Object.keys(FIELDS) as (keyof PolicySettings)[]).flatMap((field) => {
    const show = FIELDS[field].show as (v: unknown) => string;
    const to = show(after[field]);
    const from = before ? show(before[field]) : '—';
    return before && before[field] === after[field] ? [] : [{ field, label: FIELDS[field].label, from, to }];
  });
}
