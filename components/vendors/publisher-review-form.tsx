'use client';

import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionResult } from '@/lib/server/guards/action-result';
import type { PublisherSuggestion } from '@/lib/domain/vendors/suggest-publisher';
import { VendorReviewFields, type VendorReviewDefaults } from './vendor-review-fields';

type Action = (prev: ActionResult<{ id: string }> | null, form: FormData) => Promise<ActionResult<{ id: string }>>;

/** Review or re-review a publisher, starting from the suggestion (identity, rating, conclusion). */
export function PublisherReviewForm({
  action,
  publisherId,
  suggestion,
  defaults,
}: {
  action: Action;
  publisherId: string;
  suggestion: PublisherSuggestion;
  defaults: VendorReviewDefaults;
}) {
  const { state, errors, pending, field, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="space-y-4" aria-label="Publisher review">
      <input type="hidden" name="publisherId" value={publisherId} />
      <div className="rounded-md bg-slate-50 p-3 text-sm" data-testid="suggestion-identity">
        <label className="flex items-center gap-2">
          <input {...field('identityConfirmed')} type="checkbox" defaultChecked={suggestion.identity.value} />
          Organizational identity confirmed
          {suggestion.identity.verifiedOn && ` (verified by the registry on ${suggestion.identity.verifiedOn})`}
        </label>
        <p className="mt-1 text-xs text-slate-600">{suggestion.identity.reasons.join('; ')}</p>
      </div>
      <VendorReviewFields
        suggestion={suggestion}
        defaults={defaults}
        errors={errors}
        field={field}
        pending={pending}
        state={state}
      />
    </form>
  );
}
