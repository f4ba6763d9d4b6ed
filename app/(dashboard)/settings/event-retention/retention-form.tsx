'use client';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { setEventRetentionAction } from './actions';

/** One environment's days, saved on its own. */
export function RetentionForm({ environment, label, days }: { environment: string; label: string; days: number }) {
  const { state, errors, pending, field, formProps } = useActionForm(setEventRetentionAction);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2" aria-label={`Retention for ${label}`}>
      <input type="hidden" name="environment" value={environment} />
      <label className="sr-only" htmlFor={`days-${environment}`}>
        Days kept for {label}
      </label>
      <input
        {...field('days', { id: `days-${environment}` })}
        defaultValue={days}
        inputMode="numeric"
        className={`${inputClass} w-28`}
      />
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save'}
      </Button>
      {errors.days && (
        <span id={`days-${environment}-error`} role="alert" className="text-xs text-rose-700">
          {errors.days}
        </span>
      )}
      {state?.ok && <span className="text-xs text-emerald-700">Saved</span>}
      {!errors.days && <FormError state={state} />}
    </form>
  );
}
