import { NextResponse } from 'next/server';
import { withSession } from '@/lib/server/guards/with-session';
import { actorOf } from '@/lib/server/session';
import { listUsers } from '@/lib/server/users/list-users';
import { createUser } from '@/lib/server/users/create-user';
import { badRequest, validationError } from '@/lib/server/errors';
import { ZCreateUserInput, ZListUsersQuery } from '@/lib/validation/user';

/** The dashboard's user list as JSON (session auth, user:read): ?q=&role=&status=&page=&pageSize=, with the total. */
export const GET = withSession('user:read', async (req, { user }) => {
  const parsed = ZListUsersQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  const { rows, ...page } = await listUsers({ actor: actorOf(user), input: parsed.data });
  return NextResponse.json({ users: rows, ...page });
});

/** Creates a user (session auth, user:manage): the same operation the Users page's form calls. */
export const POST = withSession('user:manage', async (req, { user }) => {
  const body: unknown = await req.json().catch(() => {
    throw badRequest('Send a JSON body');
  });
  const created = await createUser({ actor: actorOf(user), input: ZCreateUserInput.parse(body) });
  return NextResponse.json({ user: created }, { status: 201 });
});
