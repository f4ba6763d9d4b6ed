'use client';

import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { buttonClass } from '@/components/ui/button';
import type { ActionResult } from '@/lib/server/guards/action-result';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any result shape: the form only reads ok/error/fieldErrors
type Action = (prev: ActionResult<any> | null, form: FormData) => Promise<ActionResult<any>>;
const CLASSIFICATIONS = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED'] as const;

/** Internal owner and data classification of a tool (inventory:update). */
export function OwnershipForm({
  action,
  toolId,
  owner,
  dataClassification,
}: {
  action: Action;
  toolId: string;
  owner: string | null;
  dataClassification: string;
}) {
  const { state, errors, pending, field, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="grid gap-3 sm:grid-cols-3" aria-label="Ownership">
      <input type="hidden" name="toolId" value={toolId} />
      <FormField label="Internal owner" name="owner" error={errors.owner} hint="Team or person accountable">
        <input {...field('owner', { hint: true })} defaultValue={owner ?? ''} maxLength={200} className={inputClass} />
      </FormField>
      <FormField label="Data classification" name="dataClassification" error={errors.dataClassification}>
        <select {...field('dataClassification')} defaultValue={dataClassification} className={inputClass}>
          {CLASSIFICATIONS.map((c) => (
            <option key={c} value={c}>
              {c.toLowerCase()}
            </option>
          ))}
        </select>
      </FormField>
      <div className="flex items-end gap-2">
        <button type="submit" disabled={pending} className={buttonClass('primary', 'sm')}>
          {pending ? 'Saving…' : 'Save'}
        </button>
        <p role="status" className="text-xs">
          {state?.ok && <span className="text-emerald-700">Saved.</span>}
          {state && !state.ok && Object.keys(state.fieldErrors).length === 0 && (
            <span className="text-rose-600" tabIndex={-1} data-form-error>
              {state.error}
            </span>
          )}
        </p>
      </div>
    </form>
  );
}
