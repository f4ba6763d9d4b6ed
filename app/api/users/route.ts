import { NextResponse } from 'next/server';
import { withSession } from '@/lib/server/guards/with-session';
import { actorOf } from '@/lib/server/session';
import { listUsers } from '@/lib/server/users/list-users';
import { createUser } from '@/lib/server/users/create-user';
import { badRequest } from '@/lib/server/errors';
import { ZCreateUserInput } from '@/lib/validation/user';

/** The dashboard's user list as JSON (session auth, user:read). */
export const GET = withSession('user:read', async (_req, { user }) =>
  NextResponse.json({ users: await listUsers({ actor: actorOf(user), input: {} }) }),
);

/** Creates a user (session auth, user:manage): the same operation the Users page's form calls. */
export const POST = withSession('user:manage', async (req, { user }) => {
  const body: unknown = await req.json().catch(() => {
    throw badRequest('Send a JSON body');
  });
  const created = await createUser({ actor: actorOf(user), input: ZCreateUserInput.parse(body) });
  return NextResponse.json({ user: created }, { status: 201 });
});
