import { NextResponse } from 'next/server';
import { getSyncRunProgress } from '@/lib/server/registries/list-sync-runs';
import { withSession } from '@/lib/server/guards/with-session';
import { actorOf } from '@/lib/server/session';

/** GET: a sync run's progress, polled by the "Sync now" button while it runs. */
export const GET = withSession<{ runId: string }>('registry:read', async (_req, { user, params }) => {
  return NextResponse.json(await getSyncRunProgress({ actor: actorOf(user), input: { id: params.runId } }), {
    headers: { 'cache-control': 'no-store' },
  });
});
