import 'server-only';
import type { z } from 'zod';
import { AppError, badRequest, validationError } from '@/lib/server/errors';

export const payloadTooLarge = (max: number) => new AppError(413, 'payload_too_large', `Request body exceeds ${max} bytes`);

/** Reads the body as text, stopping as soon as it passes `maxBytes` (the header can lie or be absent). */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw payloadTooLarge(maxBytes);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses JSON text; a 400 with a readable message when it is not JSON. */
export function parseJsonText(text: string): unknown {
  if (!text.trim()) throw badRequest('Request body is empty; send a JSON object', [{ path: '(root)', message: 'Required' }]);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw badRequest(`Request body is not valid JSON (${(err as Error).message})`, [{ path: '(root)', message: 'Invalid JSON' }]);
  }
}

export function validateInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
