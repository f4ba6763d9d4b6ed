'use client';

import { FormField, inputClass } from '@/components/ui/form-field';
import type { Suggested } from '@/lib/domain/vendors/review';

type FieldProps = (name: string, opts?: { hint?: boolean }) => Record<string, unknown>;

/**
 * One pre-filled choice of a vendor review (rating or conclusion): the suggestion and its reasons
 * beside the select; choosing another value asks for the reason, which the server requires.
 */
export function VendorSuggestionField<V extends string>({
  name,
  label,
  options,
  labels,
  suggestion,
  value,
  onChange,
  errors,
  field,
}: {
  name: 'rating' | 'conclusion';
  label: string;
  options: readonly V[];
  labels: Record<V, string>;
  suggestion: Suggested<V>;
  value: V;
  onChange: (v: V) => void;
  errors: Record<string, string>;
  field: FieldProps;
}) {
  const overridden = value !== suggestion.value;
  return (
    <div className="space-y-2 rounded-md bg-slate-50 p-3" data-testid={`suggestion-${name}`}>
      <FormField label={label} name={name} error={errors[name]}>
        <select {...field(name)} value={value} onChange={(e) => onChange(e.target.value as V)} className={inputClass}>
          {options.map((o) => (
            <option key={o} value={o}>
              {labels[o]}
              {o === suggestion.value ? ' (suggested)' : ''}
            </option>
          ))}
        </select>
      </FormField>
      <div className="text-xs text-slate-600">
        <p className="font-medium">Suggested {labels[suggestion.value].toLowerCase()}, because:</p>
        <ul className="list-disc pl-4">
          {suggestion.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
      {(overridden || errors[`${name}Reason`]) && (
        <FormField
          label={`Why ${labels[value].toLowerCase()} instead of the suggested ${labels[suggestion.value].toLowerCase()}?`}
          name={`${name}Reason`}
          error={errors[`${name}Reason`]}
        >
          <textarea {...field(`${name}Reason`)} rows={2} maxLength={1000} className={inputClass} />
        </FormField>
      )}
    </div>
  );
}
