import type { z } from 'zod';
import { ZEnforceResponse, type TEnforceRequest, type TEnforceResponse } from '@/lib/validation/enforce';
import {
  ZReportToolDefinitionsResponse,
  ZVerificationStatus,
  type TReportToolDefinitions,
  type TReportToolDefinitionsResponse,
  type TVerificationStatus,
} from '@/lib/validation/tool-definitions';
import { isIngestAnswer, type IngestAnswer, type InvocationEvent } from './events';
import { requestJson, ToolLedgerHttpError, type HttpOptions } from './http';

/** Paths of the public API this client calls; a test checks each against /api/v1/openapi.json. */
export const CLIENT_OPERATIONS = {
  enforce: { method: 'post', path: '/api/v1/enforce' },
  sendEvents: { method: 'post', path: '/api/v1/events' },
  verification: { method: 'get', path: '/api/v1/verifications' },
  reportDefinitions: { method: 'post', path: '/api/v1/tool-definitions' },
  waitForGeneration: { method: 'get', path: '/api/v1/enforce/generation' },
} as const;

/**
 * A typed client of ToolLedger's public API, for agents and gateways: timeouts, retries with
 * backoff, and answers checked against the same zod schemas the server's OpenAPI document is
 * generated from. Events are better sent through EventBatcher, which buffers and spools.
 */
export class ToolLedgerClient {
  constructor(readonly options: HttpOptions) {}

  /** Asks whether an install or an invocation may go ahead. Refusals (4xx) throw ToolLedgerHttpError with the code. */
  async enforce(request: TEnforceRequest): Promise<TEnforceResponse> {
    const { body } = await requestJson(this.options, 'POST', CLIENT_OPERATIONS.enforce.path, { json: request });
    return checked(ZEnforceResponse, body, 'enforce');
  }

  /** Reports a server's tool definitions; the answer says whether they are the approved ones. */
  async reportDefinitions(report: TReportToolDefinitions): Promise<TReportToolDefinitionsResponse> {
    const { body } = await requestJson(this.options, 'POST', CLIENT_OPERATIONS.reportDefinitions.path, { json: report });
    return checked(ZReportToolDefinitionsResponse, body, 'tool-definitions');
  }

  /** Sends up to 10,000 events as one NDJSON batch; per-line refusals come back in the answer. */
  async sendEvents(events: readonly InvocationEvent[]): Promise<IngestAnswer> {
    const ndjson = events.map((e) => JSON.stringify(e)).join('\n') + '\n';
    try {
      const { body } = await requestJson(this.options, 'POST', CLIENT_OPERATIONS.sendEvents.path, { ndjson });
      if (!isIngestAnswer(body)) throw new ToolLedgerHttpError('ToolLedger answered events with an unexpected body', 200, body);
      return body;
    } catch (e) {
      // Every line refused (422, or 403 for another agent's events): the answer still lists each line.
      if (e instanceof ToolLedgerHttpError && !e.unreachable && isIngestAnswer(e.body)) return e.body;
      throw e;
    }
  }

  /**
   * The enforcement generation; with `after`, ToolLedger answers when it differs (a long poll of
   * at most 25 s). Gateways hold one open to drop cached allows the moment governance changes.
   */
  async waitForGeneration(after?: string): Promise<string> {
    const query = after === undefined ? '' : `?after=${encodeURIComponent(after)}`;
    const { body } = await requestJson(
      { ...this.options, timeoutMs: 35_000, retries: 0 },
      'GET',
      `${CLIENT_OPERATIONS.waitForGeneration.path}${query}`,
    );
    const generation = (body as { generation?: unknown } | null)?.generation;
    if (typeof generation !== 'string')
      throw new ToolLedgerHttpError('ToolLedger answered the generation watch with an unexpected body', 200, body);
    return generation;
  }

  /** The verification status ToolLedger holds for one version. */
  async verification(q: { tool: string; version: string; registry?: string }): Promise<TVerificationStatus> {
    const params = new URLSearchParams({ tool: q.tool, version: q.version, ...(q.registry ? { registry: q.registry } : {}) });
    const { body } = await requestJson(this.options, 'GET', `${CLIENT_OPERATIONS.verification.path}?${params}`);
    return checked(ZVerificationStatus, body, 'verifications');
  }
}

/** An answer that does not match the documented schema is ToolLedger's bug, reported as such. */
function checked<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ToolLedgerHttpError(`ToolLedger's ${what} answer did not match its schema: ${parsed.error.message}`, 200, body);
  return parsed.data;
}

export { ToolLedgerHttpError };
