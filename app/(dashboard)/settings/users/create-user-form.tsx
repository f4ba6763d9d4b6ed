'use client';

import { FormError } from '@/components/ui/form-error';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { PASSWORD_MIN_LENGTH, ROLES } from '@/lib/validation/user';
import { createUserAction } from './actions';

export function CreateUserForm() {
  const { state, errors, pending, field, formProps } = useActionForm(createUserAction, { resetOnSuccess: true });

  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-2" aria-label="Create user">
      <FormField label="Name" name="name" error={errors.name}>
        <input {...field('name')} className={inputClass} />
      </FormField>
      <FormField label="Email" name="email" error={errors.email}>
        <input {...field('email')} type="email" autoComplete="off" className={inputClass} />
      </FormField>
      {/* Its own id: the list's filter bar below has a "role" control too. */}
      <FormField label="Role" name="new-user-role" error={errors.role}>
        <select {...field('role', { id: 'new-user-role' })} defaultValue="AUDITOR" className={inputClass}>
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
        <input {...field('password', { hint: true })} type="password" autoComplete="new-password" className={inputClass} />
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
