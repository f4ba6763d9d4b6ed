import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import type { Permission } from '@/lib/auth/permissions';
import type { OperationCall } from '@/lib/server/operation';
import { actorOf } from '@/lib/server/session';
import { authAction } from './auth-action';

export interface OperationActionShape<R, T, I = unknown> {
  /** The page (or pages) the change shows on, refreshed after it commits (from its result or its input). */
  revalidate: (result: R, input: I) => string | readonly string[];
  /** What the form learns back: ids and states, never the whole record. */
  reply: (result: R) => T;
}

/**
 * A server action that is one `lib/server` operation, the usual case: the session, permission and
 * schema checks of `authAction`, then `operation({ actor, input })` (which checks the actor again,
 * in the data layer), then the pages to refresh and the reply. Written as one line per action so
 * an actions file says only which operation each form reaches.
 */
export function operationAction<S extends z.ZodType, R, T>(
  permission: Permission,
  schema: S,
  operation: (call: OperationCall<z.infer<S>>) => Promise<R>,
  shape: OperationActionShape<R, T, z.infer<S>>,
) {
  return authAction(permission, schema, async (input, user): Promise<T> => {
    const result = await operation({ actor: actorOf(user), input });
    const paths = shape.revalidate(result, input);
    for (const path of typeof paths === 'string' ? [paths] : paths) revalidatePath(path);
    return shape.reply(result);
  });
}
