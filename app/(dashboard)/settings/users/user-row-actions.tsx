'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import type { ActionResult } from '@/lib/server/guards/action-result';
import { PASSWORD_MIN_LENGTH, ROLES } from '@/lib/validation/user';
import { approveSsoLinkAction, resetUserPasswordAction, setUserActiveAction, updateUserRoleAction } from './actions';

/** A row form's outcome; a field error shown beside its field (`ignore`) is not repeated here. */
function Feedback({ state, okText, ignore }: { state: ActionResult | null; okText: string; ignore?: string }) {
  if (!state) return null;
  if (state.ok)
    return (
      <p role="status" className="text-xs text-emerald-700">
        {okText}
      </p>
    );
  if (ignore && state.fieldErrors[ignore]) return null;
  const detail = Object.values(state.fieldErrors)[0];
  return (
    <p role="alert" tabIndex={-1} data-form-error className="text-xs text-rose-700 focus:outline-none">
      {state.error}
      {detail && detail !== state.error ? ` — ${detail}` : ''}
    </p>
  );
}

/** Per-row admin controls: role, activation and password reset, each its own small form. */
export function UserRowActions({
  user,
  isSelf,
}: {
  user: {
    id: string;
    email: string;
    role: (typeof ROLES)[number];
    active: boolean;
    canApproveSso: boolean;
  };
  isSelf: boolean;
}) {
  const role = useActionForm(updateUserRoleAction);
  const active = useActionForm(setUserActiveAction);
  // A set password should not linger in the page: the field is emptied once it is saved.
  const pw = useActionForm(resetUserPasswordAction, { resetOnSuccess: true });
  const sso = useActionForm(approveSsoLinkAction);
  const [showReset, setShowReset] = useState(false);
  const roleField = role.field('role', { id: `role-${user.id}` });
  const pwField = pw.field('password', { id: `pw-${user.id}` });

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <form {...role.formProps} className="flex items-center gap-1.5">
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={roleField.id} className="sr-only">
            Role of {user.email}
          </label>
          <select
            {...roleField}
            defaultValue={user.role}
            className={`${inputClass} w-44`}
            disabled={isSelf}
            title={isSelf ? 'Ask another admin to change your role' : undefined}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <Button type="submit" size="sm" variant="secondary" className="whitespace-nowrap" disabled={isSelf || role.pending}>
            Save role
          </Button>
        </form>
        <form {...active.formProps}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
          <Button type="submit" size="sm" variant={user.active ? 'danger' : 'secondary'} disabled={isSelf || active.pending}>
            {user.active ? 'Deactivate' : 'Reactivate'}
          </Button>
        </form>
        <Button size="sm" variant="ghost" onClick={() => setShowReset((v) => !v)} aria-expanded={showReset}>
          Reset password
        </Button>
        {user.canApproveSso && (
          // A matching email never opens a local account through SSO; this is the admin's explicit link.
          <form {...sso.formProps}>
            <input type="hidden" name="userId" value={user.id} />
            <Button
              type="submit"
              size="sm"
              variant="ghost"
              disabled={sso.pending}
              title="Let this person sign in through company SSO with the same, verified email"
            >
              Allow SSO sign-in
            </Button>
          </form>
        )}
      </div>
      {showReset && (
        <form {...pw.formProps} className="flex flex-wrap items-center gap-1.5">
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={pwField.id} className="sr-only">
            New password for {user.email}
          </label>
          <input
            {...pwField}
            type="password"
            autoComplete="new-password"
            placeholder={`New password (≥ ${PASSWORD_MIN_LENGTH} characters)`}
            className={`${inputClass} w-64`}
          />
          <Button type="submit" size="sm" disabled={pw.pending}>
            Set password
          </Button>
          {pw.errors.password && (
            <p id={`${pwField.id}-error`} role="alert" className="w-full text-xs text-rose-700">
              {pw.errors.password}
            </p>
          )}
        </form>
      )}
      <Feedback state={role.state} okText="Role saved: their sessions ended" />
      <Feedback state={active.state} okText={user.active ? 'Reactivated' : 'Deactivated'} />
      <Feedback state={pw.state} okText="Password set: their sessions ended" ignore="password" />
      <Feedback state={sso.state} okText="SSO sign-in allowed" />
    </div>
  );
}
