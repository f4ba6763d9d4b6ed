'use client';

import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionResult } from '@/lib/server/guards/action-result';
import type { RegistrySuggestion } from '@/lib/domain/vendors/suggest-registry';
import { VendorReviewFields, type VendorReviewDefaults } from './vendor-review-fields';

type Action = (prev: ActionResult<{ id: string }> | null, form: FormData) => Promise<ActionResult<{ id: string }>>;

/** Review or re-review a registry: how it verifies and what it signs, pre-filled, then rating and conclusion. */
export function RegistryReviewForm({
  action,
  registryId,
  suggestion,
  defaults,
}: {
  action: Action;
  registryId: string;
  suggestion: RegistrySuggestion;
  defaults: VendorReviewDefaults & { verification: string; signing: string };
}) {
  const { state, errors, pending, field, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="space-y-4" aria-label="Registry review">
      <input type="hidden" name="registryId" value={registryId} />
      <div className="grid gap-3 md:grid-cols-2">
        <FormField
          label="How it verifies"
          name="verification"
          error={errors.verification}
          hint="Pre-filled from the registry’s profile"
        >
          <textarea
            {...field('verification', { hint: true })}
            defaultValue={defaults.verification}
            rows={4}
            maxLength={4000}
            className={inputClass}
          />
        </FormField>
        <FormField label="What it signs" name="signing" error={errors.signing} hint="Pre-filled with the coverage observed">
          <textarea
            {...field('signing', { hint: true })}
            defaultValue={defaults.signing}
            rows={4}
            maxLength={4000}
            className={inputClass}
          />
        </FormField>
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
