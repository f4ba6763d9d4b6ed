import { NextResponse } from 'next/server';
import { INGEST_LIMITS } from '@/lib/domain/invocations/parse-batch';
import { toPublicEvent } from '@/lib/domain/invocations/public-record';
import { eventToOcsf } from '@/lib/domain/ocsf/api-activity';
import { badRequest } from '@/lib/server/errors';
import { readBodyText } from '@/lib/server/guards/read-json-body';
import { withApiKey } from '@/lib/server/guards/with-api-key';
import { ingestInvocationEvents } from '@/lib/server/invocations/ingest-invocation-events';
import { ingestStatus } from '@/lib/server/invocations/ingest-response';
import { listInvocationEvents } from '@/lib/server/invocations/list-invocation-events';
import { afterInvocationsIngested } from '@/lib/server/monitoring/monitor-scheduler';
import { parseSearchInput } from '@/lib/server/invocations/search-input';
import { ZInvocationApiListInput } from '@/lib/validation/siem';

export const dynamic = 'force-dynamic';

/** One JSON event (Content-Type: application/json) or an NDJSON batch (anything else). */
export const POST = withApiKey('INGEST', async (req, { actor }) => {
  const body = await readBodyText(req, INGEST_LIMITS.maxBodyBytes);
  if (!body.trim())
    throw badRequest('Request body is empty; send one JSON event or NDJSON lines', [{ path: '(root)', message: 'Required' }]);
  const single = /^application\/json\b/i.test(req.headers.get('content-type') ?? '');
  const result = await ingestInvocationEvents({ actor, input: { body, single } });
  // Monitors read the new events right away (in the background: the answer does not wait).
  afterInvocationsIngested(result.accepted);
  return NextResponse.json(result, { status: ingestStatus(result) });
});

/**
 * The explorer's filters and keyset pages for a SIEM or script: `next_cursor` goes back as
 * `before`; `format=ocsf` gives OCSF 1.3.0 API Activity records instead of the agent's fields.
 */
export const GET = withApiKey('READ', async (req, { actor }) => {
  const { format, ...input } = parseSearchInput(ZInvocationApiListInput, new URL(req.url).searchParams);
  const { rows, nextBefore } = await listInvocationEvents({ actor, input });
  const events = rows.map(toPublicEvent);
  return NextResponse.json({ events: format === 'ocsf' ? events.map(eventToOcsf) : events, next_cursor: nextBefore });
});
