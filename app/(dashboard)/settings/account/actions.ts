'use server';

import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
import { changeOwnPassword } from '@/lib/server/users/change-own-password';
import { ZChangeOwnPasswordInput } from '@/lib/validation/user';

// 'user:read' only gates "signed in with some role": the operation acts on the caller's own account.
// It ends every session of the caller, this one too: the form signs them out and on to sign-in.
export const changeOwnPasswordAction = authAction('user:read', ZChangeOwnPasswordInput, async (input, user) => {
  await changeOwnPassword({ actor: actorOf(user), input });
  return { changed: true, signInAgain: true };
});
