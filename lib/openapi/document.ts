import { z } from 'zod';
import {
  ENFORCE_MAX_BODY_BYTES,
  ZDecisionReason,
  ZEnforceRequest,
  ZEnforceResponse,
  ZErrorResponse,
  ZHealthResponse,
} from '@/lib/validation/enforce';
import {
  DEFINITIONS_MAX_BODY_BYTES,
  ZReportToolDefinitions,
  ZReportToolDefinitionsResponse,
  ZVerificationStatus,
} from '@/lib/validation/tool-definitions';
import { EVENT_SCHEMAS, eventPaths } from './events-paths';

/**
 * The public API's OpenAPI 3.1 document, generated from the same zod schemas the handlers use
 * (zod 4's toJSONSchema emits JSON Schema 2020-12, which is OpenAPI 3.1's dialect), so the
 * document cannot drift from validation. lib/openapi/openapi.int.test.ts calls the real route
 * handlers with the examples below and checks the answers against the documented schemas.
 */
const SCHEMAS = {
  EnforceRequest: { schema: ZEnforceRequest, io: 'input' },
  EnforceResponse: { schema: ZEnforceResponse, io: 'output' },
  DecisionReason: { schema: ZDecisionReason, io: 'output' },
  Error: { schema: ZErrorResponse, io: 'output' },
  Health: { schema: ZHealthResponse, io: 'output' },
  // Gateways (issue 15)
  ReportToolDefinitions: { schema: ZReportToolDefinitions, io: 'input' },
  ReportToolDefinitionsResponse: { schema: ZReportToolDefinitionsResponse, io: 'output' },
  VerificationStatus: { schema: ZVerificationStatus, io: 'output' },
  // Invocation events (issue 11)
  ...EVENT_SCHEMAS,
} as const;

type JsonObject = Record<string, unknown>;

function componentSchemas(): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const io of ['input', 'output'] as const) {
    const registry = z.registry<{ id: string }>();
    for (const [id, s] of Object.entries(SCHEMAS)) if (s.io === io) registry.add(s.schema, { id });
    const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
    for (const [id, schema] of Object.entries(schemas)) {
      const { $schema: _s, $id: _i, ...rest } = schema as JsonObject;
      out[id] = rest;
    }
  }
  return out;
}

/**
 * The project's license as the document states it (OpenAPI 3.1 `info.license`, SPDX identifier).
 * The repository has no LICENSE file yet: keep this in step with it when one is added.
 */
export const API_LICENSE = { name: 'MIT License', identifier: 'MIT' } as const;

/** An artifact digest as agents send it: sha256 and the 64 hex digits of the digest. */
export const EXAMPLE_ARTIFACT_DIGEST = `sha256:${'1'.repeat(64)}`;

/** Routes that only serve GET: Next answers any other method 405 with an empty body. */
const METHOD_NOT_ALLOWED = { '405': { description: 'Method not allowed: only GET is served (empty body).' } };

const ref = (id: keyof typeof SCHEMAS) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: keyof typeof SCHEMAS, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(id) } },
});

/** Request examples; `x-expect` says what the test fixtures (and the demo data) answer. */
export const ENFORCE_EXAMPLES = {
  allowed: {
    summary: 'Gold tool installed and active on a production agent',
    value: { agent: 'support-agent-prod-01', tool: 'email-parser', version: '1.0.0', action: 'invoke', requestId: 'req-42' },
    'x-expect': { status: 200, decision: 'allow' },
  },
  belowTier: {
    summary: 'Verified-tier tool in production (policy requires Gold): denied',
    value: { agent: 'support-agent-prod-01', tool: 'web-fetcher', version: '1.0.0', action: 'invoke' },
    'x-expect': { status: 200, decision: 'deny' },
  },
  unknownToolInstall: {
    summary: 'Install of a tool the inventory does not know: denied, change request opened',
    value: { agent: 'support-agent-prod-01', tool: 'shiny-new-tool', version: '0.1.0', action: 'install' },
    'x-expect': { status: 200, decision: 'deny' },
  },
  pinnedDigest: {
    summary: 'Agent states the artifact digest it is about to run',
    value: {
      agent: 'support-agent-prod-01',
      tool: 'email-parser',
      version: '1.0.0',
      action: 'install',
      artifactDigest: EXAMPLE_ARTIFACT_DIGEST,
    },
    'x-expect': { status: 200, decision: 'allow' },
  },
  unknownAgent: {
    summary: 'An agent ToolLedger does not know: 404 unknown_agent (logged)',
    value: { agent: 'ghost-agent', tool: 'email-parser', version: '1.0.0', action: 'invoke' },
    'x-expect': { status: 404 },
  },
  malformed: {
    summary: 'Missing version and an unknown action: 400 with field issues',
    value: { agent: 'support-agent-prod-01', tool: 'email-parser', action: 'delete' },
    'x-expect': { status: 400 },
  },
} as const;

export function buildOpenApiDocument(serverUrl?: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'ToolLedger public API',
      version: '1.0.0',
      license: API_LICENSE,
      description:
        'Machine API for agents and gateways. Authenticate with an API key created by an admin (Settings → API keys): `Authorization: Bearer <key>` or `X-API-Key: <key>`. Every enforce attempt made with a key, allowed or denied, is logged.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'API key as a bearer token (tl_<scope>_<random>)' },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'next-auth.session-token',
          description: 'Dashboard session (signed-in user)',
        },
      },
    },
    paths: {
      '/api/v1/enforce': {
        post: {
          operationId: 'enforce',
          summary: 'Decide whether an agent may install or invoke a tool version',
          description:
            'Allow only when the agent’s installation of that version is approved (and active, to invoke), the artifact digest is the approved one, the version passes its environment’s policy or an approved, unexpired exception covers it, and it is not quarantined or yanked. A denied install of a tool unknown to the inventory opens a change request and an alert. Requires the `enforce` scope; a key bound to an agent may only ask for that agent.',
          security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
          requestBody: {
            required: true,
            description: `JSON, at most ${ENFORCE_MAX_BODY_BYTES} bytes; unknown fields are refused.`,
            content: { 'application/json': { schema: ref('EnforceRequest'), examples: ENFORCE_EXAMPLES } },
          },
          responses: {
            '200': json('EnforceResponse', 'The decision (allow or deny) with its reasons; logged.'),
            '400': json(
              'Error',
              'Malformed JSON or invalid fields (issues name each field), or a tool name several registries share (ambiguous_tool: send registry); logged as a denied attempt.',
            ),
            '401': json(
              'Error',
              'Missing, unknown, revoked or expired API key. Revoked/expired keys are logged; unknown ones only in the server log.',
            ),
            '403': json('Error', 'The key lacks the enforce scope, or is bound to another agent; logged.'),
            '404': json(
              'Error',
              'Unknown agent, tool or version (codes unknown_agent, unknown_tool, unknown_version); logged. The install of an unknown tool by a known agent is answered 200 deny instead, with the change request it opened.',
            ),
            '413': json('Error', `Body larger than ${ENFORCE_MAX_BODY_BYTES} bytes; logged.`),
          },
        },
      },
      // Invocation events (issue 11)
      ...eventPaths(ref, json),
      '/api/v1/registries/{id}/sync': {
        post: {
          operationId: 'startRegistrySync',
          summary: 'Start a registry sync (signed-in admins; answers 202 at once)',
          description:
            'Poll the Location header (GET /api/registries/runs/{runId}) for progress. Needs the registry:sync permission.',
          security: [{ sessionCookie: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '202': {
              description: 'Sync started',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['run'],
                    properties: {
                      run: {
                        type: 'object',
                        required: ['id', 'registryId', 'status', 'startedAt'],
                        properties: {
                          id: { type: 'string' },
                          registryId: { type: 'string' },
                          status: { type: 'string' },
                          startedAt: { type: 'string', format: 'date-time' },
                        },
                      },
                    },
                  },
                },
              },
            },
            '401': json('Error', 'Not signed in.'),
            '403': json('Error', 'The role lacks registry:sync.'),
            '404': json('Error', 'Unknown registry.'),
          },
        },
      },
      '/api/v1/tool-definitions': {
        post: {
          operationId: 'reportToolDefinitions',
          summary: 'Report the tool definitions a server announced (gateways), and learn whether they are the approved ones',
          description:
            "ToolLedger hashes the definitions (name, description, input schema; sorted by name), compares the hash with the version's pinned one (the registry's, or else the first report's), scans them for poisoning, keeps the report and raises a critical alert for a change or a critical finding. `accepted: false` tells the gateway to refuse calls. Requires the `ingest` scope; a key bound to an agent may only report for that agent.",
          security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
          requestBody: {
            required: true,
            description: `JSON, at most ${DEFINITIONS_MAX_BODY_BYTES} bytes.`,
            content: { 'application/json': { schema: ref('ReportToolDefinitions') } },
          },
          responses: {
            '200': json('ReportToolDefinitionsResponse', 'The verdict, the scan findings and the declared permissions.'),
            '400': json('Error', 'Malformed JSON or invalid fields.'),
            '401': json('Error', 'Missing, unknown, revoked or expired API key.'),
            '403': json('Error', 'The key lacks the ingest scope, or is bound to another agent.'),
            '404': json('Error', 'Unknown agent, tool or version.'),
            '409': json('Error', 'The tool name is in several registries: send registry.'),
            '413': json('Error', `Body larger than ${DEFINITIONS_MAX_BODY_BYTES} bytes.`),
          },
        },
      },
      '/api/v1/enforce/generation': {
        get: {
          operationId: 'waitForEnforcementGeneration',
          summary: 'Long poll: the enforcement generation, answered when it differs from `after` (at most 25 s)',
          description:
            'Every governing change (installation, approval, policy, exception, quarantine, revocation) bumps the generation when it commits. A gateway that caches allows holds this request open and drops its cache when the answer differs. Requires the `enforce` scope.',
          security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
          parameters: [{ name: 'after', in: 'query', required: false, schema: { type: 'string', pattern: '^\\d{1,19}$' } }],
          responses: {
            '200': {
              description: 'The current generation.',
              content: {
                'application/json': {
                  schema: { type: 'object', required: ['generation'], properties: { generation: { type: 'string' } } },
                },
              },
            },
            '400': json('Error', 'after is not a generation number.'),
            '401': json('Error', 'Missing, unknown, revoked or expired API key.'),
            '403': json('Error', 'The key lacks the enforce scope.'),
            ...METHOD_NOT_ALLOWED,
          },
        },
      },
      '/api/v1/verifications': {
        get: {
          operationId: 'getVerificationStatus',
          summary: "One version's verification status: tier, trust score, state, pinned definitions hash, quarantine",
          security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
          parameters: [
            { name: 'tool', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'version', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'registry', in: 'query', required: false, schema: { type: 'string' } },
          ],
          responses: {
            '200': json('VerificationStatus', 'The status.'),
            '400': json('Error', 'Missing or invalid parameters.'),
            '401': json('Error', 'Missing, unknown, revoked or expired API key.'),
            '403': json('Error', 'The key lacks the read scope.'),
            '404': json('Error', 'Unknown tool or version.'),
            '409': json('Error', 'The tool name is in several registries: send registry.'),
            ...METHOD_NOT_ALLOWED,
          },
        },
      },
      '/api/v1/health': {
        get: {
          operationId: 'health',
          summary: 'Liveness (no database access)',
          security: [],
          responses: { '200': json('Health', 'The server answers.'), ...METHOD_NOT_ALLOWED },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document',
          security: [],
          responses: {
            '200': { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } },
            ...METHOD_NOT_ALLOWED,
          },
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
