import { NextResponse } from 'next/server';
import { withSession } from '@/lib/server/guards/with-session';
import { listEvidencePackBuilds } from '@/lib/server/evidence/builds/list-evidence-pack-builds';
import { actorOf } from '@/lib/server/session';

/** The newest builds with their progress: /evidence polls this while a build runs. */
export const GET = withSession('evidence:read', async (_req, { user }) => {
  const builds = await listEvidencePackBuilds({ actor: actorOf(user), input: {} });
  return NextResponse.json({ builds }, { headers: { 'Cache-Control': 'no-store' } });
});
