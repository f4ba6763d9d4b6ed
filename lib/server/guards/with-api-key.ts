import 'server-only';
import type { ApiKeyScope } from '@prisma/client';
import { NextResponse } from 'next/server';
import { findApiKeyBySecret, touchApiKey, type ApiKeyRecord } from '@/lib/server/api-keys/authenticate-api-key';
import { AppError, toErrorBody } from '@/lib/server/errors';
import type { Actor } from '@/lib/server/actor';
import { apiKeyLimiter } from '@/lib/server/rate-limit/api-key-limiter';

export interface ApiKeyContext {
  key: ApiKeyRecord;
  actor: Actor & { type: 'API_KEY' };
}

/** A request refused before the handler ran; `key` is set when the key exists (revoked, expired, wrong scope). */
export interface RejectedAttempt {
  status: number;
  message: string;
  key: ApiKeyRecord | null;
}

function presentedSecret(req: Request): string | null {
  const auth = req.headers.get('authorization');
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return m ? m[1]! : null;
  }
  return req.headers.get('x-api-key')?.trim() || null;
}

async function authenticate(
  req: Request,
  scope: ApiKeyScope,
): Promise<{ key: ApiKeyRecord } | { error: AppError; key: ApiKeyRecord | null }> {
  const secret = presentedSecret(req);
  const unauthorized = (message: string) => new AppError(401, 'unauthorized', message);
  if (!secret)
    return { error: unauthorized('Missing API key: send "Authorization: Bearer <key>" or "X-API-Key: <key>"'), key: null };
  if (secret.length > 200) return { error: unauthorized('Unknown API key'), key: null };
  const key = await findApiKeyBySecret(secret);
  if (!key) return { error: unauthorized('Unknown API key'), key: null };
  if (key.revokedAt) return { error: unauthorized(`API key ${key.prefix}… was revoked`), key };
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now())
    return { error: unauthorized(`API key ${key.prefix}… expired`), key };
  if (!key.scopes.includes(scope)) {
    return { error: new AppError(403, 'forbidden', `API key ${key.prefix}… lacks the ${scope.toLowerCase()} scope`), key };
  }
  return { key };
}

function tooManyRequests(retryAfterSeconds: number): Response {
  return NextResponse.json(
    { error: `Too many requests for this API key: try again in ${retryAfterSeconds} s`, code: 'rate_limited' },
    { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
  );
}

/**
 * Route handler guard for the public API: key (Authorization: Bearer or X-API-Key) → scope →
 * per-key rate limit (429 with Retry-After; an in-process count synced to the database, so it
 * costs no round trip) → handler → one error mapper. `onRejected` lets a route log refused
 * attempts (the enforce log does); throttled requests are not logged one by one, the limiter
 * warns once per window.
 */
export function withApiKey<P = Record<string, string>>(
  scope: ApiKeyScope,
  handler: (req: Request, ctx: ApiKeyContext & { params: P }) => Promise<Response>,
  onRejected?: (req: Request, attempt: RejectedAttempt) => Promise<void>,
) {
  return async (req: Request, routeCtx?: { params: Promise<P> }): Promise<Response> => {
    try {
      const auth = await authenticate(req, scope);
      if ('error' in auth) {
        if (onRejected) await onRejected(req, { status: auth.error.status, message: auth.error.message, key: auth.key });
        throw auth.error;
      }
      const { key } = auth;
      const limit = apiKeyLimiter().take(key.id);
      if (!limit.ok) return tooManyRequests(limit.retryAfterSeconds);
      touchApiKey(key.id);
      const actor = {
        type: 'API_KEY' as const,
        id: key.id,
        label: `api-key:${key.prefix}`,
        scopes: key.scopes,
        agentId: key.agentId,
      };
      return await handler(req, { key, actor, params: (await routeCtx?.params) as P });
    } catch (err) {
      const { status, body } = toErrorBody(err);
      const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer realm="toolledger"' } : {};
      return NextResponse.json(body, { status, headers });
    }
  };
}
