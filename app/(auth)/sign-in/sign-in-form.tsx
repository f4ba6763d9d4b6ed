'use client';

import { signIn } from 'next-auth/react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { ActionResult } from '@/lib/server/guards/action-result';
import { ZSignInInput } from '@/lib/validation/auth';
import { isThrottleMessage, SIGN_IN_FAILED } from './sign-in-messages';

/**
 * Signing in goes through next-auth in the browser, not a server action: this function plays the
 * action's part for useActionForm (same result shape), so the form behaves as every other form.
 */
async function signInWithCredentials(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const parsed = ZSignInInput.safeParse({ email: form.get('email'), password: form.get('password') });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const i of parsed.error.issues) fieldErrors[String(i.path[0])] ??= i.message;
    return { ok: false, error: 'Check the highlighted fields', fieldErrors };
  }
  const res = await signIn('credentials', { ...parsed.data, redirect: false });
  if (!res || res.error)
    return {
      ok: false,
      error: res?.error && isThrottleMessage(res.error) ? res.error : SIGN_IN_FAILED,
      fieldErrors: {},
    };
  return { ok: true, data: null };
}

export function SignInForm({
  callbackUrl,
  initialError,
  oidcName,
}: {
  callbackUrl: string;
  initialError?: string;
  oidcName?: string;
}) {
  const { state, errors, pending, field, formProps } = useActionForm(signInWithCredentials, {
    onSuccess: () => window.location.assign(callbackUrl),
  });
  const hydrated = useHydrated();
  // An error handed over in the address (a failed SSO sign-in) shows until the first attempt.
  const shown = state ?? (initialError ? { ok: false as const, error: initialError, fieldErrors: {} } : null);

  return (
    <div className="space-y-4">
      <form method="post" {...formProps} className="space-y-4" aria-label="Sign in">
        <FormField label="Email" name="email" error={errors.email}>
          <input {...field('email')} type="email" autoComplete="username" className={inputClass} />
        </FormField>
        <FormField label="Password" name="password" error={errors.password}>
          <input {...field('password')} type="password" autoComplete="current-password" className={inputClass} />
        </FormField>
        <FormError state={shown} className="rounded-md bg-rose-50 px-3 py-2" />
        <Button type="submit" className="w-full" disabled={pending || !hydrated || shown?.ok === true}>
          {pending || shown?.ok ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      {oidcName && (
        <Button variant="secondary" className="w-full" onClick={() => signIn('oidc', { callbackUrl })}>
          Sign in with {oidcName}
        </Button>
      )}
    </div>
  );
}
