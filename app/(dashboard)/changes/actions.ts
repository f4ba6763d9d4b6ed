'use server';

import { revalidatePath } from 'next/cache';
import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
import { createChangeRequest } from '@/lib/server/change-requests/create-change-request';
import { decideChangeRequest } from '@/lib/server/change-requests/decide-change-request';
import { deployChangeRequest } from '@/lib/server/change-requests/deploy-change-request';
import { withdrawChangeRequest } from '@/lib/server/change-requests/withdraw-change-request';
import { addChangeComment } from '@/lib/server/change-requests/add-change-comment';
import { addAllowlistEntry } from '@/lib/server/change-requests/add-allowlist-entry';
import { decideAllowlistEntry } from '@/lib/server/change-requests/decide-allowlist-entry';
import { revokeAllowlistEntry } from '@/lib/server/change-requests/revoke-allowlist-entry';
import {
  ZAddCommentInput,
  ZAllowlistEntryInput,
  ZChangeRequestIdInput,
  ZCreateChangeRequestInput,
  ZDecideAllowlistEntryInput,
  ZDecideChangeRequestInput,
  ZRevokeAllowlistEntryInput,
} from '@/lib/validation/change-request';

export const createChangeRequestAction = authAction('changeRequest:create', ZCreateChangeRequestInput, async (input, user) => {
  const created = await createChangeRequest({ actor: actorOf(user), input });
  revalidatePath('/changes');
  return { id: created.id, state: created.state };
});

export const decideChangeRequestAction = authAction('changeRequest:review', ZDecideChangeRequestInput, async (input, user) => {
  const r = await decideChangeRequest({ actor: actorOf(user), input });
  revalidatePath(`/changes/${r.id}`);
  return { id: r.id, state: r.state };
});

export const deployChangeRequestAction = authAction('changeRequest:deploy', ZChangeRequestIdInput, async (input, user) => {
  const r = await deployChangeRequest({ actor: actorOf(user), input });
  revalidatePath(`/changes/${r.id}`);
  return { id: r.id, state: r.state };
});

export const withdrawChangeRequestAction = authAction('changeRequest:create', ZChangeRequestIdInput, async (input, user) => {
  const r = await withdrawChangeRequest({ actor: actorOf(user), input });
  revalidatePath(`/changes/${r.id}`);
  return { id: r.id, state: r.state };
});

export const addChangeCommentAction = authAction('changeRequest:comment', ZAddCommentInput, async (input, user) => {
  const c = await addChangeComment({ actor: actorOf(user), input });
  revalidatePath(`/changes/${input.id}`);
  return { id: c.id };
});

export const addAllowlistEntryAction = authAction('allowlist:manage', ZAllowlistEntryInput, async (input, user) => {
  const e = await addAllowlistEntry({ actor: actorOf(user), input });
  revalidatePath('/changes/allowlist');
  return { id: e.id };
});

export const decideAllowlistEntryAction = authAction('allowlist:approve', ZDecideAllowlistEntryInput, async (input, user) => {
  const e = await decideAllowlistEntry({ actor: actorOf(user), input });
  revalidatePath('/changes/allowlist');
  return { id: e.id, status: e.status };
});

export const revokeAllowlistEntryAction = authAction('allowlist:manage', ZRevokeAllowlistEntryInput, async (input, user) => {
  const e = await revokeAllowlistEntry({ actor: actorOf(user), input });
  revalidatePath('/changes/allowlist');
  return { id: e.id };
});
