'use server';

import { revalidatePath } from 'next/cache';
import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
import { createWebhookEndpoint } from '@/lib/server/webhooks/create-webhook-endpoint';
import { sendTestWebhook } from '@/lib/server/webhooks/send-test-webhook';
import { setWebhookEndpointEnabled } from '@/lib/server/webhooks/set-webhook-endpoint-enabled';
import { ZCreateWebhookEndpointInput, ZSetWebhookEndpointEnabledInput, ZWebhookEndpointIdInput } from '@/lib/validation/webhook';

const PATH = '/settings/webhooks';

export const createWebhookEndpointAction = authAction('webhook:manage', ZCreateWebhookEndpointInput, async (input, user) => {
  const created = await createWebhookEndpoint({ actor: actorOf(user), input });
  revalidatePath(PATH);
  // The only time the signing secret leaves the server.
  return created;
});

export const setWebhookEndpointEnabledAction = authAction(
  'webhook:manage',
  ZSetWebhookEndpointEnabledInput,
  async (input, user) => {
    const result = await setWebhookEndpointEnabled({ actor: actorOf(user), input });
    revalidatePath(PATH);
    return result;
  },
);

export const sendTestWebhookAction = authAction('webhook:manage', ZWebhookEndpointIdInput, async (input, user) => {
  const delivery = await sendTestWebhook({ actor: actorOf(user), input });
  revalidatePath(PATH);
  return { status: delivery.status, lastStatusCode: delivery.lastStatusCode, lastError: delivery.lastError };
});
