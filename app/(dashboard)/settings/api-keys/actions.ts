'use server';

import { revalidatePath } from 'next/cache';
import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
import { createApiKey } from '@/lib/server/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/server/api-keys/revoke-api-key';
import { ZCreateApiKeyInput, ZRevokeApiKeyInput } from '@/lib/validation/api-key';

const PATH = '/settings/api-keys';

export const createApiKeyAction = authAction('apiKey:manage', ZCreateApiKeyInput, async (input, user) => {
  const created = await createApiKey({ actor: actorOf(user), input });
  revalidatePath(PATH);
  // The only time the secret leaves the server.
  return created;
});

export const revokeApiKeyAction = authAction('apiKey:manage', ZRevokeApiKeyInput, async (input, user) => {
  const revoked = await revokeApiKey({ actor: actorOf(user), input });
  revalidatePath(PATH);
  return { id: revoked.id };
});
