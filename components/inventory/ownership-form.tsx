'use client';

import { useActionState } from 'react';
import { FormField, inputClass } from '@/components/ui/form-field';
import { buttonClass } from '@/components/ui/button';
import type { ActionResult } from '@/lib/server/guards/action-result';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any result shape: the form only reads ok/error/fieldErrors
type Action = (prev: ActionResult<any> | null, form: FormData) => Promise<ActionResult<any>>;
const CLASSIFICATIONS = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED'] as const;

/** Internal owner and data classification of a tool (inventory:update). */
export function OwnershipForm({ action, toolId, owner, dataClassification }: { action: Action; toolId: string; owner: string | null; dataClassification: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-3" aria-label="Ownership">
      <input type="hidden" name="toolId" value={toolId} />
      <FormField label="Internal owner" name="owner" error={errors.owner} hint="Team or person accountable">
        <input id="owner" name="owner" defaultValue={owner ?? ''} maxLength={200} className={inputClass} />
      </FormField>
      <FormField label="Data classification" name="dataClassification" error={errors.dataClassification}>
        <select id="dataClassification" name="dataClassification" defaultValue={dataClassification} className={inputClass}>
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
          {state && !state.ok && <span className="text-rose-600">{state.error}</span>}
        </p>
      </div>
    </form>
  );
}
