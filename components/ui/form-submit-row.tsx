import type { ActionResult } from '@/lib/server/guards/action-result';
import { buttonClass } from './button';

/**
 * The submit button of an action form and, beside it, the outcome: the success message, or a
 * refusal that is about the whole form (one about fields is said beside each field).
 */
export function FormSubmitRow({
  state,
  pending,
  label,
  done,
}: {
  state: ActionResult<unknown> | null;
  pending: boolean;
  label: string;
  done: string;
}) {
  return (
    <div className="flex items-center gap-3">
      <button type="submit" disabled={pending} className={buttonClass('primary')}>
        {pending ? 'Saving…' : label}
      </button>
      <p role="status" className="text-sm">
        {state?.ok && <span className="text-emerald-700">{done}</span>}
        {state && !state.ok && Object.keys(state.fieldErrors).length === 0 && (
          <span className="text-rose-600" tabIndex={-1} data-form-error>
            {state.error}
          </span>
        )}
      </p>
    </div>
  );
}

/** The button that removes one row of a repeated group in a form. */
export function RemoveRowButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <button type="button" className={`${buttonClass('secondary')} mt-6`} onClick={onRemove} aria-label={label}>
      Remove
    </button>
  );
}
