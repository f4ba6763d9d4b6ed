import { NextResponse } from 'next/server';
import { withSession } from '@/lib/server/guards/with-session';
import { actorOf } from '@/lib/server/session';
import { badRequest, validationError } from '@/lib/server/errors';
import { createChangeRequest } from '@/lib/server/change-requests/create-change-request';
import { listChangeRequests } from '@/lib/server/change-requests/list-change-requests';
import { ZCreateChangeRequestInput, ZListChangeRequestsQuery } from '@/lib/validation/change-request';

export const GET = withSession('changeRequest:read', async (req, { user }) => {
  const parsed = ZListChangeRequestsQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  return NextResponse.json(await listChangeRequests({ actor: actorOf(user), input: parsed.data }));
});

export const POST = withSession('changeRequest:create', async (req, { user }) => {
  const body: unknown = await req.json().catch(() => {
    throw badRequest('Body must be JSON');
  });
  const parsed = ZCreateChangeRequestInput.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  const created = await createChangeRequest({ actor: actorOf(user), input: parsed.data });
  return NextResponse.json(created, { status: 201 });
});
