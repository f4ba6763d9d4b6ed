'use client';

import { TextAreaField } from '@/components/ui/text-area-field';
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
        <TextAreaField
          form={{ errors, field }}
          name="verification"
          label="How it verifies"
          hint="Pre-filled from the registry’s profile"
          defaultValue={defaults.verification}
          rows={4}
          maxLength={4000}
        />
        <TextAreaField
          form={{ errors, field }}
          name="signing"
          label="What it signs"
          hint="Pre-filled with the coverage observed"
          defaultValue={defaults.signing}
          rows={4}
          maxLength={4000}
        />
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
