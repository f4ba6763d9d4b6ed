/**
 * The transport of the ToolLedger client: one request with a timeout, retried with exponential
 * backoff and jitter when the failure is worth retrying (network errors, timeouts, 429, 5xx).
 * A 4xx other than 429 is the caller's mistake and is never retried.
 */
export interface HttpOptions {
  baseUrl: string;
  apiKey: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts after the first. */
  retries?: number;
  /** First backoff; doubles per attempt, with up to 50% jitter, capped at 5 s. */
  backoffMs?: number;
  fetch?: typeof fetch;
  userAgent?: string;
}

export class ToolLedgerHttpError extends Error {
  constructor(
    message: string,
    /** null when ToolLedger was not reached (network error, timeout). */
    readonly status: number | null,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'ToolLedgerHttpError';
  }

  /** Not reached, or it failed on its side: the call may succeed later. */
  get unreachable(): boolean {
    return this.status === null || this.status === 429 || this.status >= 500;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function requestJson(
  opts: HttpOptions,
  method: 'GET' | 'POST',
  path: string,
  body?: { json: unknown } | { ndjson: string },
): Promise<{ status: number; body: unknown }> {
  const retries = opts.retries ?? 2;
  let last: ToolLedgerHttpError | undefined;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) {
      const base = Math.min(5000, (opts.backoffMs ?? 100) * 2 ** (attempt - 1));
      await sleep(base + Math.random() * base * 0.5);
    }
    try {
      return await once(opts, method, path, body);
    } catch (e) {
      if (!(e instanceof ToolLedgerHttpError) || !e.unreachable) throw e;
      last = e;
    }
  }
  throw last!;
}

async function once(opts: HttpOptions, method: string, path: string, body?: { json: unknown } | { ndjson: string }) {
  const headers: Record<string, string> = {
    authorization: `Bearer ${opts.apiKey}`,
    accept: 'application/json',
    'user-agent': opts.userAgent ?? 'toolledger-client',
  };
  let payload: string | undefined;
  if (body && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body) {
    headers['content-type'] = 'application/x-ndjson';
    payload = body.ndjson;
  }
  let res: Response;
  let text: string;
  try {
    res = await (opts.fetch ?? fetch)(new URL(path, opts.baseUrl), {
      method,
      headers,
      body: payload,
      signal: AbortSignal.timeout(opts.timeoutMs ?? 2000),
    });
    // The timeout covers the body too: a server that sends headers and stalls is as unreachable.
    text = await res.text();
  } catch (e) {
    const why = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError') ? 'timed out' : 'unreachable';
    throw new ToolLedgerHttpError(`ToolLedger ${why} (${method} ${path}): ${(e as Error).message}`, null, null);
  }
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): kept as text for the message.
  }
  if (res.status >= 400) {
    const detail =
      parsed && typeof parsed === 'object' && 'error' in parsed
        ? String((parsed as { error: unknown }).error)
        : String(text).slice(0, 200);
    throw new ToolLedgerHttpError(`ToolLedger answered ${res.status} (${method} ${path}): ${detail}`, res.status, parsed);
  }
  return { status: res.status, body: parsed };
}
