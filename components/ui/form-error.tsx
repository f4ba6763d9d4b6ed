import type { ActionResult } from '@/lib/server/guards/action-result';

/** The form-level refusal of a server action; field errors are shown beside their fields instead. */
export function FormError({ state }: { state: ActionResult<unknown> | null }) {
  if (!state || state.ok || Object.keys(state.fieldErrors).length > 0) return null;
  return (
    <p role="alert" tabIndex={-1} data-form-error className="text-sm text-rose-700 focus:outline-none">
      {state.error}
    </p>
  );
}
