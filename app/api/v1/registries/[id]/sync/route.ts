import { NextResponse } from 'next/server';
import { startRegistrySync } from '@/lib/server/registries/run-registry-sync';
import { actorOf } from '@/lib/server/session';
import { withSession } from '@/lib/server/guards/with-session';
import { notFound } from '@/lib/server/errors';
import { ZRecordId } from '@/lib/validation/inventory';

/**
 * POST /api/v1/registries/{id}/sync — starts a sync and answers 202 with the run at once;
 * poll GET /api/registries/runs/{runId} for progress. Signed-in admins only for now
 * (API keys carry enforce/ingest/read scopes, none of which may start a sync).
 */
export const POST = withSession<{ id: string }>('registry:sync', async (_req, { user, params }) => {
  // An id that cannot be a row id (a NUL byte) is "no such registry", not a database error.
  if (!ZRecordId.safeParse(params.id).success) throw notFound('Registry');
  const { run, done } = await startRegistrySync({ actor: actorOf(user), input: { registryId: params.id, trigger: 'API' } });
  // The run goes on after this answer; its outcome is stored on the SyncRun row.
  void done;
  return NextResponse.json(
    { run: { id: run.id, registryId: run.registryId, status: run.status, startedAt: run.startedAt } },
    { status: 202, headers: { location: `/api/registries/runs/${run.id}` } },
  );
});
