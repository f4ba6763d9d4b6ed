import { ZEnforceResponse, type TEnforceRequest, type TEnforceResponse } from '@/lib/validation/enforce';
import { isIngestAnswer, type IngestAnswer, type InvocationEvent } from './events';
import { requestJson, ToolLedgerHttpError, type HttpOptions } from './http';

/** Paths of the public API this client calls; a test checks each against /api/v1/openapi.json. */
export const CLIENT_OPERATIONS = {
  enforce: { method: 'post', path: '/api/v1/enforce' },
  sendEvents: { method: 'post', path: '/api/v1/events' },
  verification: { method: 'get', path: '/api/v1/verifications' },
} as const;

export interface VerificationStatus {
  tool: string;
  version: string;
  tier: string;
  trustScore: number | null;
  verificationState: string;
  lastVerifiedAt: string | null;
  toolDefsHash: string | null;
  quarantined: boolean;
}

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
    const parsed = ZEnforceResponse.safeParse(body);
    if (!parsed.success)
      throw new ToolLedgerHttpError(`ToolLedger's enforce answer did not match its schema: ${parsed.error.message}`, 200, body);
    return parsed.data;
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

  /** The verification status ToolLedger holds for one version. */
  async verification(q: { tool: string; version: string; registry?: string }): Promise<VerificationStatus> {
    const params = new URLSearchParams({ tool: q.tool, version: q.version, ...(q.registry ? { registry: q.registry } : {}) });
    const { body } = await requestJson(this.options, 'GET', `${CLIENT_OPERATIONS.verification.path}?${params}`);
    return body as VerificationStatus;
  }
}

export { ToolLedgerHttpError };
