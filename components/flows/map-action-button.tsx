'use client';

import { useActionForm } from '@/components/ui/use-action-form';
import { buttonClass } from '@/components/ui/button';
import type { ActionResult } from '@/lib/server/guards/action-result';

type Action = (prev: ActionResult<{ id: string }> | null, form: FormData) => Promise<ActionResult<{ id: string }>>;

/** One-button form (derive a draft, confirm the current map): hidden fields, the result said beside it. */
export function MapActionButton({
  action,
  fields,
  label,
  done,
  variant = 'secondary',
}: {
  action: Action;
  fields: Record<string, string | null | undefined>;
  label: string;
  done: string;
  variant?: 'primary' | 'secondary';
}) {
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="flex items-center gap-2" aria-label={label}>
      {Object.entries(fields).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" disabled={pending} className={buttonClass(variant)}>
        {pending ? 'Working…' : label}
      </button>
      <span role="status" className="text-sm">
        {state?.ok && <span className="text-emerald-700">{done}</span>}
        {state && !state.ok && (
          <span className="text-rose-600" tabIndex={-1} data-form-error>
            {state.error}
          </span>
        )}
      </span>
    </form>
  );
}
