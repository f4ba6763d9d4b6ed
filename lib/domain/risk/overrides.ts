import type { RiskSuggestion } from './suggest';

export const SUGGESTED_FIELDS = ['likelihood', 'impact'] as const;
export type SuggestedField = (typeof SUGGESTED_FIELDS)[number];

export interface RiskOverride {
  field: SuggestedField;
  suggested: number;
  chosen: number;
  reason: string;
}

export type OverrideCheck =
  { ok: true; overrides: RiskOverride[] } | { ok: false; problems: { path: `${SuggestedField}Reason`; message: string }[] };

/**
 * The assessor confirms each suggested value or overrides it; an override without a reason is
 * refused, naming the field and the value it departs from. A reason given for a confirmed value
 * is not an override and is not kept.
 */
export function checkOverrides(
  suggestion: RiskSuggestion,
  chosen: Record<SuggestedField, number>,
  reasons: Partial<Record<SuggestedField, string | undefined>>,
): OverrideCheck {
  const overrides: RiskOverride[] = [];
  const problems: { path: `${SuggestedField}Reason`; message: string }[] = [];
  for (const field of SUGGESTED_FIELDS) {
    const suggested = suggestion[field].value;
    if (chosen[field] === suggested) continue;
    const reason = reasons[field]?.trim() ?? '';
    if (!reason)
      problems.push({
        path: `${field}Reason`,
        message: `Say why you override the suggested ${field} (${suggested}) with ${chosen[field]}`,
      });
    else overrides.push({ field, suggested, chosen: chosen[field], reason });
  }
  return problems.length ? { ok: false, problems } : { ok: true, overrides };
}
