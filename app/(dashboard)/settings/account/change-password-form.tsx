'use client';

import { signOut } from 'next-auth/react';
import { FormError } from '@/components/ui/form-error';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { PASSWORD_MIN_LENGTH } from '@/lib/validation/user';
import { changeOwnPasswordAction } from './actions';

export function ChangePasswordForm() {
  // The change ended every session, this one included: clear the cookie and sign in afresh.
  const { state, errors, pending, field, formProps } = useActionForm(changeOwnPasswordAction, {
    resetOnSuccess: true,
    onSuccess: () => void signOut({ callbackUrl: '/sign-in?notice=password-changed' }),
  });

  return (
    <form {...formProps} className="max-w-sm space-y-4" aria-label="Change password">
      <FormField label="Current password" name="currentPassword" error={errors.currentPassword}>
        <input {...field('currentPassword')} type="password" autoComplete="current-password" className={inputClass} />
      </FormField>
      <FormField
        label="New password"
        name="newPassword"
        error={errors.newPassword}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      >
        <input {...field('newPassword', { hint: true })} type="password" autoComplete="new-password" className={inputClass} />
      </FormField>
      <FormField label="Repeat the new password" name="confirmPassword" error={errors.confirmPassword}>
        <input {...field('confirmPassword')} type="password" autoComplete="new-password" className={inputClass} />
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
