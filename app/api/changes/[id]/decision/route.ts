import { NextResponse } from 'next/server';
import { withSession } from '@/lib/server/guards/with-session';
import { actorOf } from '@/lib/server/session';
import { badRequest, validationError } from '@/lib/server/errors';
import { decideChangeRequest } from '@/lib/server/change-requests/decide-change-request';
import { ZDecideChangeRequestInput } from '@/lib/validation/change-request';

/** POST { decision: APPROVED|REJECTED, comment, stage? } — decides the request's current stage. */
export const POST = withSession<{ id: string }>('changeRequest:review', async (req, { user, params }) => {
  const body: unknown = await req.json().catch(() => {
    throw badRequest('Body must be JSON');
  });
  const parsed = ZDecideChangeRequestInput.safeParse({ ...(body && typeof body === 'object' ? body : {}), id: params.id });
  if (!parsed.success) throw validationError(parsed.error);
  const r = await decideChangeRequest({ actor: actorOf(user), input: parsed.data });
  return NextResponse.json({ id: r.id, state: r.state });
});
