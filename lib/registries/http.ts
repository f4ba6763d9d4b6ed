import type { z } from 'zod';
import { attemptSignal } from './attempt-signal';
import { readAnswerText, ResponseTooLarge } from './response-body';
import { REGISTRY_REQUEST, type RegistryRequest } from './safe-fetch';

/**
 * The one way connectors talk HTTP. A registry is untrusted input: every call has a timeout,
 * a body-size ceiling enforced while the body streams in (an endless body never fills memory),
 * a readable error for bad JSON or a wrong shape, and back-off on 429 as the registry asks.
 */

export type RegistryErrorKind =
  'timeout' | 'network' | 'http' | 'rate-limited' | 'too-large' | 'invalid-json' | 'invalid-shape' | 'aborted' | 'blocked';

export class RegistryHttpError extends Error {
  readonly kind: RegistryErrorKind;
  readonly url: string;
  readonly status: number | null;
  /** The registry's own error code when it sent one (e.g. AgentNode "PACKAGE_NOT_FOUND"). */
  readonly code: string | null;

  constructor(kind: RegistryErrorKind, url: string, message: string, status: number | null = null, code: string | null = null) {
    super(message);
    this.name = 'RegistryHttpError';
    this.kind = kind;
    this.url = safeUrl(url);
    this.status = status;
    this.code = code;
  }
}

export interface FetchJsonOptions {
  fetch?: typeof fetch;
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  maxBytes?: number;
  /** Abort from the caller (e.g. the sync run was cancelled). */
  signal?: AbortSignal;
  /** Retries after a 429 (and only a 429: a 5xx is reported, the next run resumes). */
  maxRetries?: number;
  /** Ceiling on one back-off, so a registry asking for an hour does not stall a run. */
  maxRetryDelayMs?: number;
  /** Status codes the caller handles itself (e.g. 404 → "not found"): returned, not thrown. */
  acceptStatus?: readonly number[];
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface JsonResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

/** Fetch a URL and parse its JSON body, validated by `schema`. Throws RegistryHttpError with a readable reason. */
export async function fetchJson<S extends z.ZodType>(
  rawUrl: string,
  schema: S,
  options: FetchJsonOptions = {},
): Promise<JsonResponse<z.output<S>>> {
  const { res, text, url } = await fetchWithRetries(rawUrl, options);
  return parseAnswer(url, res, text, schema, rawUrl, options);
}

/**
 * HTTP validators of an answer: what a later conditional request sends back. A registry that
 * sends neither gets plain requests (and the sync falls back to comparing content hashes).
 */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export function validatorsOf(headers: Headers): Validators | null {
  const etag = headers.get('etag');
  const lastModified = headers.get('last-modified');
  if (!etag && !lastModified) return null;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

export type ConditionalResponse<T> =
  { status: 304; notModified: true; headers: Headers } | (JsonResponse<T> & { notModified: false });

/**
 * A conditional GET (RFC 9110 §13): If-None-Match with the ETag, else If-Modified-Since with the
 * Last-Modified date the previous answer carried. 304 = the registry's answer is unchanged;
 * anything else is handled as fetchJson handles it (a 200 body is parsed and validated).
 */
export async function fetchJsonIfChanged<S extends z.ZodType>(
  rawUrl: string,
  schema: S,
  validators: Validators | null,
  options: FetchJsonOptions = {},
): Promise<ConditionalResponse<z.output<S>>> {
  const conditional: Record<string, string> = {};
  if (validators?.etag) conditional['if-none-match'] = validators.etag;
  else if (validators?.lastModified) conditional['if-modified-since'] = validators.lastModified;
  const sent = { ...options, headers: { ...options.headers, ...conditional } };
  const { res, text, url } = await fetchWithRetries(rawUrl, sent);
  // A 304 is only an answer to a question we asked: unasked, it is a broken registry.
  if (res.status === 304 && Object.keys(conditional).length > 0) return { status: 304, notModified: true, headers: res.headers };
  return { ...parseAnswer(url, res, text, schema, rawUrl, sent), notModified: false };
}

async function fetchWithRetries(rawUrl: string, options: FetchJsonOptions) {
  const maxRetries = options.maxRetries ?? 3;
  // Messages name the URL without any user:password in it.
  const url = safeUrl(rawUrl);
  for (let attempt = 0; ; attempt++) {
    const res = await fetchOnce(rawUrl, url, options);
    const text = await res.readText();
    if (res.status === 429 && attempt < maxRetries) {
      const delay = retryDelayMs(res.headers, bodyRetryAfter(text), attempt, options.maxRetryDelayMs ?? 30_000);
      await sleep(delay, options.signal);
      continue;
    }
    return { res, text, url };
  }
}

function parseAnswer<S extends z.ZodType>(
  url: string,
  res: RawResponse,
  text: string,
  schema: S,
  rawUrl: string,
  options: FetchJsonOptions,
): JsonResponse<z.output<S>> {
  if (!res.ok && !(options.acceptStatus ?? []).includes(res.status)) {
    throw httpError(url, res.status, text, sentSecrets(rawUrl, options));
  }
  const json = parseJson(url, text);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    throw new RegistryHttpError(
      'invalid-shape',
      url,
      `Unexpected response from ${url}: ${path}: ${issue?.message ?? 'invalid'}${more}`,
      res.status,
    );
  }
  return { status: res.status, data: parsed.data, headers: res.headers };
}

interface RawResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  readText(): Promise<string>;
}

async function fetchOnce(rawUrl: string, url: string, options: FetchJsonOptions): Promise<RawResponse> {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const deadline = attemptSignal(options.signal, timeoutMs);
  const signal = deadline.signal;
  const fail = (e: unknown): never => {
    deadline.release();
    if (options.signal?.aborted) throw new RegistryHttpError('aborted', url, `Request to ${url} was cancelled`);
    if (deadline.timedOut()) throw new RegistryHttpError('timeout', url, `${url} did not answer within ${timeoutMs / 1000} s`);
    if (e instanceof RegistryHttpError) throw e;
    const error = e instanceof Error ? ((e.cause as Error | undefined) ?? e) : null;
    // The connector's fetch refused the address (SSRF guard): say so, with the rule it names.
    if (error?.name === 'RegistryAddressBlocked') throw new RegistryHttpError('blocked', url, `Refused ${url}: ${error.message}`);
    throw new RegistryHttpError(
      'network',
      url,
      `Could not reach ${url}: ${excerpt(error?.message ?? String(e), sentSecrets(rawUrl, options))}`,
    );
  };
  const init: RequestInit = {
    method: options.method ?? 'GET',
    headers: {
      accept: 'application/json',
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    signal,
    redirect: 'follow',
  };
  // The registry fetch's own layer when the connector has it: the body read off the node stream,
  // without a Response and its web streams (lib/registries/safe-fetch.ts, REGISTRY_REQUEST).
  const request = (doFetch as Partial<Record<typeof REGISTRY_REQUEST, RegistryRequest>>)[REGISTRY_REQUEST];
  let answer: { status: number; headers: Headers; discard(): unknown; read(): Promise<string> };
  try {
    if (request) {
      const a = await request(rawUrl, init);
      answer = { ...a, discard: () => a.body?.destroy(), read: () => readAnswerText(a.body, maxBytes) };
    } else {
      const res = await doFetch(rawUrl, init);
      const read = () => readLimited(url, res, maxBytes);
      answer = { status: res.status, headers: res.headers, discard: () => res.body?.cancel().catch(() => undefined), read };
    }
  } catch (e) {
    return fail(e);
  }
  const { status, headers } = answer;
  const declared = Number(headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    deadline.release();
    await answer.discard();
    throw new RegistryHttpError('too-large', url, `${url} sent ${declared} bytes, more than the ${maxBytes}-byte limit`, status);
  }
  return {
    status,
    ok: status >= 200 && status < 300,
    headers,
    readText: () =>
      answer.read().then(
        (text) => {
          deadline.release();
          return text;
        },
        (e: unknown) =>
          fail(
            e instanceof ResponseTooLarge
              ? new RegistryHttpError('too-large', url, `${url} sent more than the ${e.limit}-byte limit`, status)
              : e,
          ),
      ),
  };
}

/** Reads the body chunk by chunk and stops as soon as it passes `maxBytes`. */
async function readLimited(url: string, res: Response, maxBytes: number): Promise<string> {
  if (!res.body) return '';
  // A declared length within the limit was checked already and bounds the body (HTTP framing):
  // read it in one go, the fast path for the many small answers of a sync.
  if (res.headers.get('content-length') !== null && !res.headers.get('content-encoding')) return res.text();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new RegistryHttpError('too-large', url, `${url} sent more than the ${maxBytes}-byte limit`, res.status);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function parseJson(url: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : 'parse error';
    throw new RegistryHttpError('invalid-json', url, `${url} did not answer with valid JSON (${excerpt(reason, [])})`);
  }
}

/** The URL without user:password (a secret in the URL must not reach a message, a run or the audit trail). */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url;
  }
}

/** Values we sent that a server (or an error about the request) might echo back. */
function sentSecrets(rawUrl: string, options: FetchJsonOptions): string[] {
  const out = Object.values(options.headers ?? {});
  try {
    const u = new URL(rawUrl);
    out.push(decodeURIComponent(u.password), u.password);
  } catch {
    // not a URL: nothing more to hide
  }
  return out;
}

const HEADER_LINE =
  /\b(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api[-_]?key|token|secret)\b\s*["']?\s*[:=]\s*("[^"]*"|'[^']*'|(?:(?:bearer|basic|token)\s+)?[^\s,;}]+)/gi;

/**
 * What a remote server said, made safe to store and show: the secrets we sent removed (a server
 * may echo request headers back in its error page), anything shaped like a credential header
 * blanked, control characters and runs of whitespace collapsed, and at most 200 characters.
 */
export function excerpt(text: string, sentSecrets: readonly string[]): string {
  let out = text;
  for (const secret of sentSecrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  out = out.replace(HEADER_LINE, (_m, name: string) => `${name}: [redacted]`);
  out = out
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return out.length > 200 ? `${out.slice(0, 199)}…` : out;
}

/** AgentNode-style error envelope `{error:{code,message}}`, or a short excerpt of the body. */
function httpError(url: string, status: number, text: string, sentHeaders: readonly string[]): RegistryHttpError {
  let code: string | null = null;
  let message = text.slice(0, 2000);
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } | string; detail?: unknown };
    if (body && typeof body.error === 'object' && body.error) {
      code = typeof body.error.code === 'string' ? body.error.code : null;
      if (typeof body.error.message === 'string') message = body.error.message;
    } else if (typeof body?.error === 'string') message = body.error;
    else if (typeof body?.detail === 'string') message = body.detail;
  } catch {
    // not JSON: keep the excerpt
  }
  const kind: RegistryErrorKind = status === 429 ? 'rate-limited' : 'http';
  message = excerpt(message, sentHeaders);
  code = code ? excerpt(code, sentHeaders).slice(0, 60) : null;
  const what = code ? `${code}: ${message}` : message || 'no body';
  return new RegistryHttpError(kind, url, `${url} answered HTTP ${status} (${what})`, status, code);
}

/** AgentNode puts the wait in the 429 body: `{error:{details:{retry_after}}}` (seconds). */
function bodyRetryAfter(text: string): number | null {
  try {
    const v = (JSON.parse(text) as { error?: { details?: { retry_after?: unknown } } }).error?.details?.retry_after;
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
  } catch {
    return null;
  }
}

/** Wait from the body's retry_after, `Retry-After`, X-RateLimit-Reset, or exponential back-off. */
export function retryDelayMs(headers: Headers, bodySeconds: number | null, attempt: number, ceilingMs: number): number {
  if (bodySeconds !== null) return Math.min(bodySeconds * 1000, ceilingMs);
  const header = headers.get('retry-after');
  const retryAfter = Number(header);
  if (header !== null && Number.isFinite(retryAfter) && retryAfter >= 0) return Math.min(retryAfter * 1000, ceilingMs);
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (Number.isFinite(reset) && reset > 0) {
    return Math.min(Math.max(0, reset * 1000 - Date.now()), ceilingMs);
  }
  return Math.min(500 * 2 ** attempt, ceilingMs);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new RegistryHttpError('aborted', '', 'Request was cancelled'));
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(new RegistryHttpError('aborted', '', 'Request was cancelled'));
      },
      { once: true },
    );
  });
}
