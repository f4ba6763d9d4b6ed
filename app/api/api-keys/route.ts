import { NextResponse } from 'next/server';
import { withSession } from '@/lib/server/guards/with-session';
import { listApiKeys } from '@/lib/server/api-keys/list-api-keys';
import { createApiKey } from '@/lib/server/api-keys/create-api-key';
import { badRequest } from '@/lib/server/errors';
import { ZCreateApiKeyInput } from '@/lib/validation/api-key';

/** API keys as JSON, never secrets or hashes (session auth, apiKey:read). */
export const GET = withSession('apiKey:read', async () => NextResponse.json({ keys: await listApiKeys() }));

/** Creates a key (session auth, apiKey:manage); the answer carries the secret, once. */
export const POST = withSession('apiKey:manage', async (req, { user }) => {
  const body: unknown = await req.json().catch(() => {
    throw badRequest('Send a JSON body');
  });
  const created = await createApiKey({ type: 'USER', id: user.id, label: user.email, role: user.role }, ZCreateApiKeyInput.parse(body));
  return NextResponse.json({ key: created }, { status: 201 });
});
