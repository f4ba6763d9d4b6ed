import { NextResponse } from 'next/server';
import { withSession } from '@/lib/server/guards/with-session';
import { actorOf } from '@/lib/server/session';
import { badRequest, validationError } from '@/lib/server/errors';
import { addChangeComment } from '@/lib/server/change-requests/add-change-comment';
import { ZAddCommentInput } from '@/lib/validation/change-request';

export const POST = withSession<{ id: string }>('changeRequest:comment', async (req, { user, params }) => {
  const body: unknown = await req.json().catch(() => {
    throw badRequest('Body must be JSON');
  });
  const parsed = ZAddCommentInput.safeParse({ ...(body && typeof body === 'object' ? body : {}), id: params.id });
  if (!parsed.success) throw validationError(parsed.error);
  const c = await addChangeComment({ actor: actorOf(user), input: parsed.data });
  return NextResponse.json({ id: c.id }, { status: 201 });
});
