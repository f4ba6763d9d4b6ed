import type { FieldIssue } from '@/lib/server/errors';

/** What every server action returns to its form (useActionState). */
export type ActionResult<T = unknown> =
  { ok: true; data: T; message?: string } | { ok: false; error: string; fieldErrors: Record<string, string> };

export function fieldErrorsOf(issues: FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path] ??= i.message;
  return out;
}
