import { NextResponse } from 'next/server';
import { withSession } from '@/lib/server/guards/with-session';
import { actorOf } from '@/lib/server/session';
import { deployChangeRequest } from '@/lib/server/change-requests/deploy-change-request';

export const POST = withSession<{ id: string }>('changeRequest:deploy', async (_req, { user, params }) => {
  const r = await deployChangeRequest({ actor: actorOf(user), input: { id: params.id } });
  return NextResponse.json({ id: r.id, state: r.state });
});
