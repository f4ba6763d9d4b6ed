import { now } from '@/lib/server/clock';
import { withApiKey } from '@/lib/server/guards/with-api-key';
import { exportInvocationEvents, ZExportInvocationEventsInput } from '@/lib/server/invocations/export-invocation-events';
import { downloadHeaders, parseSearchInput } from '@/lib/server/invocations/search-input';

export const dynamic = 'force-dynamic';

/** Every matching event as NDJSON or CSV, streamed (each download is an audit record). */
export const GET = withApiKey('READ', async (req, { actor }) => {
  const input = parseSearchInput(ZExportInvocationEventsInput, new URL(req.url).searchParams);
  return new Response(await exportInvocationEvents({ actor, input }), { headers: downloadHeaders(input.format, now()) });
});
