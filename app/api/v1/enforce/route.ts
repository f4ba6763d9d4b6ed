import { NextResponse } from 'next/server';
import { enforce } from '@/lib/server/enforcement/enforce';
import { logAnonymousAttempt, logRejectedAttempt } from '@/lib/server/enforcement/log-rejected-attempt';
import { AppError, forbidden, toErrorBody } from '@/lib/server/errors';
import { parseJsonText, readBodyText, validateInput } from '@/lib/server/guards/read-json-body';
import { withApiKey } from '@/lib/server/guards/with-api-key';
import { ENFORCE_MAX_BODY_BYTES, ZEnforceRequest, type TEnforceRequest } from '@/lib/validation/enforce';

export const dynamic = 'force-dynamic';

async function rawBody(req: Request): Promise<unknown> {
  try {
    return parseJsonText(await readBodyText(req, ENFORCE_MAX_BODY_BYTES));
  } catch {
    return null;
  }
}

export const POST = withApiKey(
  'ENFORCE',
  async (req, ctx) => {
    let raw: unknown = null;
    let input: TEnforceRequest;
    try {
      raw = parseJsonText(await readBodyText(req, ENFORCE_MAX_BODY_BYTES));
      input = validateInput(ZEnforceRequest, raw);
      if (ctx.key.agentName && ctx.key.agentName !== input.agent) {
        throw forbidden(`API key ${ctx.key.prefix}… may only speak for agent ${ctx.key.agentName}`);
      }
    } catch (err) {
      if (err instanceof AppError && err.status < 500) {
        await logRejectedAttempt({ apiKeyId: ctx.key.id, raw, status: err.status, message: err.message });
      }
      const { status, body } = toErrorBody(err);
      return NextResponse.json(body, { status });
    }
    try {
      // enforce() logs every attempt it sees, refused ones included.
      return NextResponse.json(await enforce(input, ctx));
    } catch (err) {
      const { status, body } = toErrorBody(err);
      return NextResponse.json(body, { status });
    }
  },
  async (req, attempt) => {
    if (attempt.key)
      await logRejectedAttempt({
        apiKeyId: attempt.key.id,
        raw: await rawBody(req),
        status: attempt.status,
        message: attempt.message,
      });
    else logAnonymousAttempt(req, attempt.status, attempt.message);
  },
);
