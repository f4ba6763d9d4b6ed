import { NextResponse } from 'next/server';
import { withSession } from '@/lib/server/guards/with-session';
import { parseJsonText, readBodyText } from '@/lib/server/guards/read-json-body';
import { actorOf } from '@/lib/server/session';
import { listApiKeys } from '@/lib/server/api-keys/list-api-keys';
import { createApiKey } from '@/lib/server/api-keys/create-api-key';
import type { TCreateApiKeyInput } from '@/lib/validation/api-key';

const MAX_BODY_BYTES = 16 * 1024;

/** API keys as JSON, never secrets or hashes (session auth, apiKey:read). */
export const GET = withSession('apiKey:read', async (_req, { user }) =>
  NextResponse.json({ keys: await listApiKeys({ actor: actorOf(user), input: {} }) }),
);

/** Creates a key (session auth, apiKey:manage); the answer carries the secret, once. */
export const POST = withSession('apiKey:manage', async (req, { user }) => {
  // The operation validates the body with its schema (field-level 400s); here it only has to be JSON.
  const body = parseJsonText(await readBodyText(req, MAX_BODY_BYTES)) as TCreateApiKeyInput;
  const created = await createApiKey({ actor: actorOf(user), input: body });
  return NextResponse.json({ key: created }, { status: 201 });
});
