'use client';

import { useState } from 'react';
import { FormSubmitRow } from '@/components/ui/form-submit-row';
import { DayField, TextAreaField, TextField } from '@/components/ui/text-area-field';
import type { ActionResult } from '@/lib/server/guards/action-result';
import {
  VENDOR_CONCLUSION_LABELS,
  VENDOR_CONCLUSIONS,
  VENDOR_RATING_LABELS,
  VENDOR_RATINGS,
  type VendorSuggestion,
} from '@/lib/domain/vendors/review';
import { VendorSuggestionField } from './vendor-suggestion-field';

type FieldProps = (name: string, opts?: { hint?: boolean }) => Record<string, unknown>;

export interface VendorReviewDefaults {
  previousId?: string;
  notes: string;
  owner: string;
}

/** The part publisher and registry review forms share: rating, conclusion, notes, owner, next review, submit. */
export function VendorReviewFields({
  suggestion,
  defaults,
  errors,
  field,
  pending,
  state,
}: {
  suggestion: VendorSuggestion;
  defaults: VendorReviewDefaults;
  errors: Record<string, string>;
  field: FieldProps;
  pending: boolean;
  state: ActionResult<{ id: string }> | null;
}) {
  const [rating, setRating] = useState(suggestion.rating.value);
  const [conclusion, setConclusion] = useState(suggestion.conclusion.value);
  const submitLabel = defaults.previousId ? 'Record re-review' : 'Record review';
  return (
    <>
      {defaults.previousId && <input type="hidden" name="previousId" value={defaults.previousId} />}
      <div className="grid gap-3 md:grid-cols-2">
        <VendorSuggestionField
          name="rating"
          label="Rating"
          options={VENDOR_RATINGS}
          labels={VENDOR_RATING_LABELS}
          suggestion={suggestion.rating}
          value={rating}
          onChange={setRating}
          errors={errors}
          field={field}
        />
        <VendorSuggestionField
          name="conclusion"
          label="Conclusion"
          options={VENDOR_CONCLUSIONS}
          labels={VENDOR_CONCLUSION_LABELS}
          suggestion={suggestion.conclusion}
          value={conclusion}
          onChange={setConclusion}
          errors={errors}
          field={field}
        />
      </div>
      <TextAreaField
        form={{ errors, field }}
        name="notes"
        label="Reviewer’s conclusion"
        hint="What you checked; the conditions, or why not approved (required unless approved)"
        defaultValue={defaults.notes}
        maxLength={4000}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField form={{ errors, field }} name="owner" label="Vendor owner" defaultValue={defaults.owner} maxLength={200} />
        <DayField
          form={{ errors, field }}
          name="nextReviewOn"
          label="Next review (UTC day)"
          hint="Empty: 30–365 days by rating"
        />
      </div>
      <FormSubmitRow state={state} pending={pending} label={submitLabel} done="Review recorded." />
    </>
  );
}
