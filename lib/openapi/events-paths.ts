import { INGEST_LIMITS } from '@/lib/domain/invocations/parse-batch';
import { ZWireEvent } from '@/lib/domain/invocations/wire-event';
import { ZChainReport, ZEventPage, ZIngestResponse } from '@/lib/validation/invocation-api';

/** Invocation events (issue 11): schemas and paths, merged into the document by document.ts. */
export const EVENT_SCHEMAS = {
  InvocationEvent: { schema: ZWireEvent, io: 'input' },
  IngestResponse: { schema: ZIngestResponse, io: 'output' },
  EventPage: { schema: ZEventPage, io: 'output' },
  ChainReport: { schema: ZChainReport, io: 'output' },
} as const;

type Id = 'InvocationEvent' | 'IngestResponse' | 'EventPage' | 'ChainReport' | 'Error';
type Ref = (id: Id) => { $ref: string };
type Json = (id: Id, description: string) => object;

const EXAMPLE_LINE = {
  event_id: 'evt-0001',
  timestamp: '2026-12-01T14:30:00Z',
  agent_id: 'support-agent-prod-01',
  tool_name: 'email-parser',
  tool_version: '2.1.0',
  tool_trust_level: 'gold',
  tool_publisher: 'verified-publisher-id',
  input_schema_hash: `sha256:${'ab'.repeat(32)}`,
  output_schema_hash: `sha256:${'cd'.repeat(32)}`,
  execution_duration_ms: 342,
  permissions_used: ['network:none', 'filesystem:read'],
  data_classification: 'internal',
  result_status: 'success',
};
export const EVENT_EXAMPLE_NDJSON = [
  EXAMPLE_LINE,
  { ...EXAMPLE_LINE, event_id: 'evt-0002', permissions_used: ['filesystem:delete'] },
]
  .map((l) => JSON.stringify(l))
  .join('\n');

const FILTERS = [
  ['agent', 'Agent name (exact)'],
  ['tool', 'Tool name (exact)'],
  ['version', 'Tool version (exact)'],
  ['status', 'SUCCESS, ERROR, TIMEOUT or DENIED'],
  ['classification', 'PUBLIC, INTERNAL, CONFIDENTIAL or RESTRICTED'],
  ['approval', 'ALLOWED, NO_ALLOW, DENIED or UNKNOWN_SUBJECT'],
  ['from', 'First day of event time, YYYY-MM-DD (UTC)'],
  ['to', 'Last day of event time, YYYY-MM-DD (UTC)'],
].map(([name, description]) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } }));

const KEY = [{ bearerAuth: [] }, { apiKeyHeader: [] }];

export function eventPaths(ref: Ref, json: Json) {
  const keyErrors = (scope: string) => ({
    '400': json('Error', 'A query parameter is invalid (the message names it).'),
    '401': json('Error', 'Missing, unknown, revoked or expired API key.'),
    '403': json('Error', `The key lacks the ${scope} scope.`),
  });
  return {
    '/api/v1/events': {
      post: {
        operationId: 'ingestEvents',
        summary: 'Report tool invocations: one JSON event or an NDJSON batch',
        description: `Fields as agents send them (snake_case, \`sha256:\` hashes, \`permissions_used\` as \`dimension:level\`: network none|internal|external, filesystem none|read|write, code_execution none|sandboxed|unrestricted, data_access none|read|read-write). Content-Type application/json carries one event (line 1); anything else is NDJSON, at most ${INGEST_LIMITS.maxLines} lines of at most ${INGEST_LIMITS.maxLineBytes} bytes. Each line is checked on its own: valid lines are stored even when others are refused. A repeated \`event_id\` of the same agent is stored once. Timestamps more than 5 minutes ahead or before the retention window are refused. Unknown agents, tools or versions are stored and raise one alert; use without an allow decision, or after a deny, raises an unapproved-use alert. Requires the \`ingest\` scope; a key bound to an agent may only send that agent's events.`,
        security: KEY,
        requestBody: {
          required: true,
          content: {
            'application/x-ndjson': { schema: { type: 'string' }, example: EVENT_EXAMPLE_NDJSON },
            'application/json': { schema: ref('InvocationEvent'), example: EXAMPLE_LINE },
          },
        },
        responses: {
          '200': json('IngestResponse', 'Something was stored (or recognised as stored); refused lines are listed.'),
          '400': json('Error', 'Empty body.'),
          '401': json('Error', 'Missing, unknown, revoked or expired API key.'),
          '403': json(
            'IngestResponse',
            'Every line named an agent the key may not speak for (or the key lacks the ingest scope: Error).',
          ),
          '413': json(
            'Error',
            `Body over ${INGEST_LIMITS.maxBodyBytes} bytes, or more than ${INGEST_LIMITS.maxLines} lines: nothing stored.`,
          ),
          '422': json('IngestResponse', 'Every line was refused; each one is listed with its number and reason.'),
        },
      },
      get: {
        operationId: 'listEvents',
        summary: 'Invocation events, newest event time first, in keyset pages',
        security: KEY,
        parameters: [
          ...FILTERS,
          {
            name: 'before',
            in: 'query',
            required: false,
            description: 'next_cursor of the previous page',
            schema: { type: 'string' },
          },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 50 } },
          {
            name: 'format',
            in: 'query',
            required: false,
            description:
              'json: the agent fields (EventPage); ocsf: each event as an OCSF 1.3.0 API Activity record (class_uid 6003)',
            schema: { type: 'string', enum: ['json', 'ocsf'], default: 'json' },
          },
        ],
        responses: { '200': json('EventPage', 'One page.'), ...keyErrors('read') },
      },
    },
    '/api/v1/events/export': {
      get: {
        operationId: 'exportEvents',
        summary: 'Every matching event as NDJSON, CSV or OCSF NDJSON, streamed (each download is an audit record)',
        security: KEY,
        parameters: [
          { name: 'format', in: 'query', required: true, schema: { type: 'string', enum: ['ndjson', 'csv', 'ocsf'] } },
          ...FILTERS,
        ],
        responses: {
          '200': {
            description: 'The events, newest first; NDJSON lines have the fields of EventPage.events.',
            content: { 'application/x-ndjson': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } },
          },
          ...keyErrors('read'),
        },
      },
    },
    '/api/v1/events/verify': {
      get: {
        operationId: 'verifyEvents',
        summary: 'Recompute the event hash chain over a period of receipt and name the first broken link',
        description:
          'A broken chain raises one critical alert per broken position. The chain is also compared with the signed checkpoints of its head (checkpointProblem: rewritten, newest records missing, forged checkpoint).',
        security: KEY,
        parameters: ['from', 'to'].map((name) => ({
          name,
          in: 'query',
          required: false,
          schema: { type: 'string', format: 'date-time' },
        })),
        responses: { '200': json('ChainReport', 'The report (ok false names the break).'), ...keyErrors('read') },
      },
    },
  };
}
