import type { z } from 'zod';
import { validationError } from '@/lib/server/errors';

/** Query parameters for an API read: every field checked, a bad one is a 400 naming it (no silent dropping). */
export function parseSearchInput<S extends z.ZodType>(schema: S, params: URLSearchParams): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export function downloadHeaders(format: 'ndjson' | 'csv' | 'ocsf', now: Date): Record<string, string> {
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const extension = format === 'ocsf' ? 'ocsf.ndjson' : format;
  return {
    'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'Content-Disposition': `attachment; filename="toolledger-events-${stamp}.${extension}"`,
    'Cache-Control': 'no-store',
  };
}
