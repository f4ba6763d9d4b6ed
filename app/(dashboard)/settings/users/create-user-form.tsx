'use client';

import { FormError } from '@/components/ui/form-error';
import { useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { PASSWORD_MIN_LENGTH, ROLES } from '@/lib/validation/user';
import { createUserAction } from './actions';
import { submitWithoutReset } from '@/components/ui/submit-without-reset';

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  const form = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);

  return (
    <form
      ref={form}
      onSubmit={submitWithoutReset(action)}
      className="grid gap-4 sm:grid-cols-2"
      noValidate
      aria-label="Create user"
    >
      <FormField label="Name" name="name" error={errors.name}>
        <input id="name" name="name" className={inputClass} aria-invalid={Boolean(errors.name)} />
      </FormField>
      <FormField label="Email" name="email" error={errors.email}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="off"
          className={inputClass}
          aria-invalid={Boolean(errors.email)}
        />
      </FormField>
      <FormField label="Role" name="role" error={errors.role}>
        <select id="role" name="role" defaultValue="AUDITOR" className={inputClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        label="Initial password"
        name="password"
        error={errors.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters; tell the person through a separate channel.`}
      >
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          aria-invalid={Boolean(errors.password)}
        />
      </FormField>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create user'}
        </Button>
        {state?.ok && (
          <p role="status" className="text-sm text-emerald-700">
            Created {state.data.email}
          </p>
        )}
        <FormError state={state} />
      </div>
    </form>
  );
}
