import type { ActionResult } from '@/lib/server/guards/action-result';
import { cn } from './cn';

/** The form-level refusal of a server action; field errors are shown beside their fields instead. */
export function FormError({ state, className }: { state: ActionResult<unknown> | null; className?: string }) {
  if (!state || state.ok || Object.keys(state.fieldErrors).length > 0) return null;
  return (
    <p role="alert" tabIndex={-1} data-form-error className={cn('text-sm text-rose-700 focus:outline-none', className)}>
      {state.error}
    </p>
  );
}
