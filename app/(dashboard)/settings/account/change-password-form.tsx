'use client';

import { FormError } from '@/components/ui/form-error';
import { useActionState, useEffect, useRef } from 'react';
import { signOut } from 'next-auth/react';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { PASSWORD_MIN_LENGTH } from '@/lib/validation/user';
import { changeOwnPasswordAction } from './actions';
import { submitWithoutReset } from '@/components/ui/submit-without-reset';

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changeOwnPasswordAction, null);
  const form = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  // The change ended every session, this one included: clear the cookie and sign in afresh.
  useEffect(() => {
    if (!state?.ok) return;
    form.current?.reset();
    void signOut({ callbackUrl: '/sign-in?notice=password-changed' });
  }, [state]);

  return (
    <form ref={form} onSubmit={submitWithoutReset(action)} className="max-w-sm space-y-4" noValidate aria-label="Change password">
      <FormField label="Current password" name="currentPassword" error={errors.currentPassword}>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          className={inputClass}
          aria-invalid={Boolean(errors.currentPassword)}
        />
      </FormField>
      <FormField
        label="New password"
        name="newPassword"
        error={errors.newPassword}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      >
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          aria-invalid={Boolean(errors.newPassword)}
        />
      </FormField>
      <FormField label="Repeat the new password" name="confirmPassword" error={errors.confirmPassword}>
        <input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          aria-invalid={Boolean(errors.confirmPassword)}
        />
      </FormField>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Change password'}
        </Button>
        {state?.ok && (
          <p role="status" className="text-sm text-emerald-700">
            Password changed: signing you out…
          </p>
        )}
        <FormError state={state} />
      </div>
    </form>
  );
}
