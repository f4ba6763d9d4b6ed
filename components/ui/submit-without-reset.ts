'use client';

import { startTransition, type FormEvent } from 'react';

/**
 * Submits a form to a useActionState action WITHOUT React 19's automatic form reset, so the
 * person's input survives a validation error and they can fix one field instead of retyping
 * all of them. Forms reset themselves on success instead.
 */
export function submitWithoutReset(dispatch: (payload: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // The submitter's name/value (an "Acknowledge" vs "Resolve" button) belongs in the data too.
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(e.currentTarget, submitter);
    startTransition(() => dispatch(data));
  };
}
