import { NextResponse } from 'next/server';
import { toErrorBody } from '@/lib/server/errors';
import { parseJsonText, readBodyText } from '@/lib/server/guards/read-json-body';
import { withApiKey } from '@/lib/server/guards/with-api-key';
import { reportToolDefinitions } from '@/lib/server/tool-definitions/report-tool-definitions';
import { DEFINITIONS_MAX_BODY_BYTES } from '@/lib/validation/tool-definitions';

export const dynamic = 'force-dynamic';

/** A gateway reports the tool definitions its server announced; the answer says whether calls may go through. */
export const POST = withApiKey('INGEST', async (req, { actor, key }) => {
  try {
    const input = parseJsonText(await readBodyText(req, DEFINITIONS_MAX_BODY_BYTES));
    return NextResponse.json(await reportToolDefinitions({ actor, input }, { keyAgentName: key.agentName }));
  } catch (err) {
    const { status, body } = toErrorBody(err);
    return NextResponse.json(body, { status });
  }
});
