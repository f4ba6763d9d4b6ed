'use client';

import { useActionState, useEffect, useRef } from 'react';
import type { ActionResult } from '@/lib/server/guards/action-result';
import { submitWithoutReset } from './submit-without-reset';

type FormAction<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

export interface ActionFormOptions<T> {
  /** Runs once per successful submit (navigate, close a dialog). */
  onSuccess?: (data: T) => void;
  /** Clear the fields after a success (a create form); edit forms keep what was saved. */
  resetOnSuccess?: boolean;
}

/**
 * The one way a form talks to its server action. It submits without React's automatic reset
 * (a refused form keeps every value the person chose, so nothing hidden or stale is sent
 * again), gives each field its id, `aria-invalid` and `aria-describedby` pointing at its error
 * and hint, reports pending, and after a refusal moves focus to the first field in error (or
 * to the form's message when the refusal is not about one field).
 */
export function useActionForm<T>(action: FormAction<T>, options: ActionFormOptions<T> = {}) {
  const [state, dispatch, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const { onSuccess, resetOnSuccess } = options;
  const errors: Record<string, string> = state && !state.ok ? state.fieldErrors : {};

  useEffect(() => {
    const form = formRef.current;
    if (!state || !form) return;
    if (state.ok) {
      if (resetOnSuccess) form.reset();
      onSuccess?.(state.data);
      return;
    }
    const target =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[data-form-error]');
    target?.focus();
    // Only a new result moves focus; the callbacks are read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  /**
   * Props for one control: `<input {...field('name')} />` (add `{ hint: true }` when FormField shows a
   * hint). A form repeated on a page (one per table row) gives each control its own `id`; the error
   * and hint are then `<id>-error` and `<id>-hint`.
   */
  const field = (name: string, opts: { hint?: boolean; id?: string } = {}) => {
    const id = opts.id ?? name;
    const describedBy = [errors[name] ? `${id}-error` : null, opts.hint ? `${id}-hint` : null].filter(Boolean).join(' ');
    return {
      id,
      name,
      'aria-invalid': errors[name] ? true : undefined,
      'aria-describedby': describedBy || undefined,
    } as const;
  };

  const formProps = { ref: formRef, onSubmit: submitWithoutReset(dispatch), noValidate: true } as const;

  return { state, errors, pending, field, formProps };
}
