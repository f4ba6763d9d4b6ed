'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authAction } from '@/lib/server/guards/auth-action';
import { createRegistry, setRegistryEnabled, updateRegistry } from '@/lib/server/registries/save-registry';
import { startRegistrySync } from '@/lib/server/registries/run-registry-sync';
import { testRegistryConnection } from '@/lib/server/registries/test-registry-connection';
import { actorOf } from '@/lib/server/session';
import {
  ZCreateRegistryInput,
  ZRegistryIdInput,
  ZSetRegistryEnabledInput,
  ZUpdateRegistryInput,
} from '@/lib/validation/registry';

export const createRegistryAction = authAction('registry:manage', ZCreateRegistryInput, async (input, user) => {
  const row = await createRegistry({ actor: actorOf(user), input });
  revalidatePath('/registries');
  return { id: row.id, name: row.name };
});

export const updateRegistryAction = authAction('registry:manage', ZUpdateRegistryInput, async (input, user) => {
  await updateRegistry({ actor: actorOf(user), input });
  revalidatePath('/registries');
  redirect('/registries');
});

export const setRegistryEnabledAction = authAction('registry:manage', ZSetRegistryEnabledInput, async (input, user) => {
  await setRegistryEnabled({ actor: actorOf(user), input });
  revalidatePath('/registries');
  return { enabled: input.enabled };
});

export const testConnectionAction = authAction('registry:manage', ZRegistryIdInput, async (input, user) =>
  testRegistryConnection({ actor: actorOf(user), input }),
);

export const startSyncAction = authAction('registry:sync', ZRegistryIdInput, async (input, user) => {
  // The run goes on after this answer (its outcome lands on the SyncRun row); the button
  // polls its progress and refreshes the page when it ends.
  const { run } = await startRegistrySync({ actor: actorOf(user), input: { registryId: input.id, trigger: 'MANUAL' } });
  return { runId: run.id };
});
