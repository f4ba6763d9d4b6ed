'use client';

import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { ZSignInInput } from '@/lib/validation/auth';
import { useHydrated } from '@/components/ui/use-hydrated';
import { isThrottleMessage, SIGN_IN_FAILED } from './sign-in-messages';

export function SignInForm({
  callbackUrl,
  initialError,
  oidcName,
}: {
  callbackUrl: string;
  initialError?: string;
  oidcName?: string;
}) {
  const [error, setError] = useState(initialError);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = ZSignInInput.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setFieldErrors({});
    setPending(true);
    const res = await signIn('credentials', { ...parsed.data, redirect: false });
    setPending(false);
    if (!res || res.error) {
      setError(res?.error && isThrottleMessage(res.error) ? res.error : SIGN_IN_FAILED);
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <div className="space-y-4">
      <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
        <FormField label="Email" name="email" error={fieldErrors.email}>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            className={inputClass}
            aria-invalid={Boolean(fieldErrors.email)}
          />
        </FormField>
        <FormField label="Password" name="password" error={fieldErrors.password}>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            className={inputClass}
            aria-invalid={Boolean(fieldErrors.password)}
          />
        </FormField>
        {error && (
          <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">
            {error}
          </p>
        )}
        <Button type="submit" className="w-full" disabled={pending || !hydrated}>
          {pending ? 'Signing in…' : 'Sign in'}
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
