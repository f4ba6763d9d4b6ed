import 'server-only';
import type { PrismaClient } from '@prisma/client';
import type { z } from 'zod';
import type { Permission } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import { now as clockNow } from '@/lib/server/clock';
import type { Actor } from '@/lib/server/actor';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { validationError } from '@/lib/server/errors';

/**
 * The one operation contract of lib/server (ADR 0004):
 *
 *   export async function doThing({ actor, input }: OperationCall<TDoThingInput>, ctx?: OperationContextInput): Promise<Out>
 *
 * The first argument is what is asked and by whom; the second is where and when it runs. Callers
 * in app/ pass only the first; tests, the demo seed and jobs pass `db` (their own database) and
 * `now` (recorded time). An operation starts with `const { db, now } = await operationContext(ctx)`,
 * then `assertActorCan(actor, permission)` (a mutation) and `parseInput(ZSchema, input)`, in that
 * order, before it reads anything: authorization first, so a refused caller learns nothing from
 * validation messages.
 */
export interface OperationCall<I> {
  actor: Actor;
  input: I;
}

export interface OperationContext {
  db: PrismaClient;
  now: Date;
}

export type OperationContextInput = Partial<OperationContext>;

export async function operationContext(ctx: OperationContextInput = {}): Promise<OperationContext> {
  return { db: ctx.db ?? (await getPrisma()), now: ctx.now ?? clockNow() };
}

/** Validates an operation's input with its one zod schema; a failure is a 400 with field issues. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/** The first lines of every mutation: who may, then what is asked. */
export function authorize<S extends z.ZodType>(actor: Actor, permission: Permission, schema: S, input: unknown): z.infer<S> {
  assertActorCan(actor, permission);
  return parseInput(schema, input);
}
