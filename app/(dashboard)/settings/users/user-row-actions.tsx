'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/form-field';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import type { ActionResult } from '@/lib/server/guards/action-result';
import { PASSWORD_MIN_LENGTH, ROLES } from '@/lib/validation/user';
import { approveSsoLinkAction, resetUserPasswordAction, setUserActiveAction, updateUserRoleAction } from './actions';
import { submitWithoutReset } from '@/components/ui/submit-without-reset';

function Feedback({ state, okText }: { state: ActionResult | null; okText: string }) {
  if (!state) return null;
  if (state.ok)
    return (
      <p role="status" className="text-xs text-emerald-700">
        {okText}
      </p>
    );
  const detail = Object.values(state.fieldErrors)[0];
  return (
    <p role="alert" className="text-xs text-rose-700">
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
  user: { id: string; email: string; role: (typeof ROLES)[number]; active: boolean; canApproveSso: boolean };
  isSelf: boolean;
}) {
  const [roleState, roleAction, rolePending] = useActionState(updateUserRoleAction, null);
  const [activeState, activeAction, activePending] = useActionState(setUserActiveAction, null);
  const [pwState, pwAction, pwPending] = useActionState(resetUserPasswordAction, null);
  const [ssoState, ssoAction, ssoPending] = useActionState(approveSsoLinkAction, null);
  const [showReset, setShowReset] = useState(false);
  const pwForm = useRef<HTMLFormElement>(null);
  // A set password should not linger in the page: empty the field once it is saved.
  useEffect(() => {
    if (pwState?.ok) pwForm.current?.reset();
  }, [pwState]);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <form onSubmit={submitWithoutReset(roleAction)} className="flex items-center gap-1.5">
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={`role-${user.id}`} className="sr-only">
            Role of {user.email}
          </label>
          <select
            id={`role-${user.id}`}
            name="role"
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
          <Button type="submit" size="sm" variant="secondary" className="whitespace-nowrap" disabled={isSelf || rolePending}>
            Save role
          </Button>
        </form>
        <form onSubmit={submitWithoutReset(activeAction)}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
          <Button type="submit" size="sm" variant={user.active ? 'danger' : 'secondary'} disabled={isSelf || activePending}>
            {user.active ? 'Deactivate' : 'Reactivate'}
          </Button>
        </form>
        <Button size="sm" variant="ghost" onClick={() => setShowReset((v) => !v)} aria-expanded={showReset}>
          Reset password
        </Button>
        {user.canApproveSso && (
          // A matching email never opens a local account through SSO; this is the admin's explicit link.
          <form onSubmit={submitWithoutReset(ssoAction)}>
            <input type="hidden" name="userId" value={user.id} />
            <Button
              type="submit"
              size="sm"
              variant="ghost"
              disabled={ssoPending}
              title="Let this person sign in through company SSO with the same, verified email"
            >
              Allow SSO sign-in
            </Button>
          </form>
        )}
      </div>
      {showReset && (
        <form ref={pwForm} onSubmit={submitWithoutReset(pwAction)} className="flex items-center gap-1.5">
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={`pw-${user.id}`} className="sr-only">
            New password for {user.email}
          </label>
          <input
            id={`pw-${user.id}`}
            name="password"
            type="password"
            autoComplete="new-password"
            placeholder={`New password (≥ ${PASSWORD_MIN_LENGTH} characters)`}
            className={`${inputClass} w-64`}
          />
          <Button type="submit" size="sm" disabled={pwPending}>
            Set password
          </Button>
        </form>
      )}
      <Feedback state={roleState} okText="Role saved: their sessions ended" />
      <Feedback state={activeState} okText={user.active ? 'Reactivated' : 'Deactivated'} />
      <Feedback state={pwState} okText="Password set: their sessions ended" />
      <Feedback state={ssoState} okText="SSO sign-in allowed" />
    </div>
  );
}
