import { now } from '@/lib/server/clock';
import { withSession } from '@/lib/server/guards/with-session';
import { exportInvocationEvents, ZExportInvocationEventsInput } from '@/lib/server/invocations/export-invocation-events';
import { downloadHeaders, parseSearchInput } from '@/lib/server/invocations/search-input';
import { actorOf } from '@/lib/server/session';

/** The explorer's download: exactly what its filters show (all pages), NDJSON or CSV. Bad filters → 400. */
export const GET = withSession('invocation:export', async (req, { user }) => {
  const input = parseSearchInput(ZExportInvocationEventsInput, req.nextUrl.searchParams);
  return new Response(await exportInvocationEvents({ actor: actorOf(user), input }), {
    headers: downloadHeaders(input.format, now()),
  });
});
