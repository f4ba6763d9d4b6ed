import 'server-only';
import type { z } from 'zod';
import type { Permission } from '@/lib/auth/permissions';
import { requireUser, type CurrentUser } from '@/lib/server/session';
import { toErrorBody, validationError } from '@/lib/server/errors';
import { fieldErrorsOf, type ActionResult } from './action-result';

/** Plain object from a form: repeated names become arrays, empty strings stay (zod decides). */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/**
 * Server action guard: session → permission → validated input → one error mapper.
 * Usable directly as a form action with useActionState, or called with a plain object.
 */
export function authAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  fn: (input: z.infer<S>, user: CurrentUser) => Promise<T>,
) {
  return async (_prev: ActionResult<T> | null, input: FormData | unknown): Promise<ActionResult<T>> => {
    try {
      const user = await requireUser(permission);
      const raw = input instanceof FormData ? formDataToObject(input) : input;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw validationError(parsed.error);
      return { ok: true, data: await fn(parsed.data, user) };
    } catch (err) {
      // redirect()/notFound() from inside fn must reach Next untouched.
      if (err && typeof err === 'object' && 'digest' in err && String((err as { digest: unknown }).digest).startsWith('NEXT_'))
        throw err;
      const { body } = toErrorBody(err);
      return { ok: false, error: body.error, fieldErrors: fieldErrorsOf(body.issues ?? []) };
    }
  };
}
