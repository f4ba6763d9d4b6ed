'use server';

import { revalidatePath } from 'next/cache';
import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
import { createUser } from '@/lib/server/users/create-user';
import { updateUserRole } from '@/lib/server/users/update-user-role';
import { setUserActive } from '@/lib/server/users/set-user-active';
import { resetUserPassword } from '@/lib/server/users/reset-user-password';
import { approveSsoLink } from '@/lib/server/users/approve-sso-link';
import {
  ZApproveSsoLinkInput,
  ZCreateUserInput,
  ZResetUserPasswordInput,
  ZSetUserActiveInput,
  ZUpdateUserRoleInput,
} from '@/lib/validation/user';

const PATH = '/settings/users';

export const createUserAction = authAction('user:manage', ZCreateUserInput, async (input, user) => {
  const created = await createUser({ actor: actorOf(user), input });
  revalidatePath(PATH);
  return { id: created.id, email: created.email };
});

export const updateUserRoleAction = authAction('user:manage', ZUpdateUserRoleInput, async (input, user) => {
  const updated = await updateUserRole({ actor: actorOf(user), input });
  revalidatePath(PATH);
  return updated;
});

export const setUserActiveAction = authAction('user:manage', ZSetUserActiveInput, async (input, user) => {
  const updated = await setUserActive({ actor: actorOf(user), input });
  revalidatePath(PATH);
  return updated;
});

export const resetUserPasswordAction = authAction('user:manage', ZResetUserPasswordInput, async (input, user) => {
  const done = await resetUserPassword({ actor: actorOf(user), input });
  return done;
});

export const approveSsoLinkAction = authAction('user:manage', ZApproveSsoLinkInput, async (input, user) => {
  const linked = await approveSsoLink({ actor: actorOf(user), input });
  revalidatePath(PATH);
  return linked;
});
