import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { Permission } from '@/lib/auth/permissions';
import { requireUser, type CurrentUser } from '@/lib/server/session';
import { toErrorBody } from '@/lib/server/errors';
import { assertSameOriginJson } from './same-origin';

type Ctx<P> = { params: Promise<P> };

/**
 * Route handler guard for the dashboard's own endpoints (signed-in users): session → permission →
 * same-origin JSON for anything that changes data (CSRF) → handler → one error mapper.
 */
export function withSession<P = Record<string, string>>(
  permission: Permission,
  handler: (req: NextRequest, ctx: { user: CurrentUser; params: P }) => Promise<Response>,
) {
  return async (req: NextRequest, ctx: Ctx<P>): Promise<Response> => {
    try {
      const user = await requireUser(permission);
      assertSameOriginJson(req);
      return await handler(req, { user, params: await ctx.params });
    } catch (err) {
      const { status, body } = toErrorBody(err);
      return NextResponse.json(body, { status });
    }
  };
}
