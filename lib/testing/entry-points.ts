/// <reference types="vite/client" />
// Test-only: every entry point of the app (route handlers and server actions), found by loading
// the modules themselves, and the table of who may call each. Loading the modules (rather than
// reading their text) recognises every export form: `export const POST = withSession(...)`,
// `export async function GET`, `export { handler as GET, handler as POST }`, re-exports.
import type { ApiKeyScope, Role } from '@prisma/client';
import { NextRequest } from 'next/server';
import type { Permission } from '@/lib/auth/permissions';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

type Module = Record<string, unknown>;
const routeModules = import.meta.glob<Module>('../../app/**/route.ts');
const actionModules = import.meta.glob<Module>('../../app/**/actions.ts');

export type RouteHandler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type ServerAction = (
  prev: null,
  input: unknown,
) => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string> }>;

/** `app/api/changes/[id]/comments/route.ts` → `/api/changes/:id/comments` (route groups dropped). */
export function routePathOf(file: string): string {
  const rel = file.replace(/^.*?\/app\//, '/').replace(/\/route\.ts$/, '');
  return rel
    .split('/')
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[\[?(?:\.\.\.)?(\w+)\]?\]$/, ':$1'))
    .join('/');
}

/** `app/(dashboard)/settings/users/actions.ts` + `createUserAction` → `settings/users/createUserAction`. */
export function actionNameOf(file: string, exportName: string): string {
  const dir = file.replace(/^.*?\/app\//, '').replace(/\/?actions\.ts$/, '');
  const parts = dir.split('/').filter((s) => s && !/^\(.*\)$/.test(s));
  return [...parts, exportName].join('/');
}

/** Every exported HTTP method handler, keyed `METHOD /path`. */
export async function loadRouteHandlers(): Promise<Map<string, RouteHandler>> {
  const out = new Map<string, RouteHandler>();
  for (const [file, load] of Object.entries(routeModules)) {
    const mod = await load();
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] === 'function') out.set(`${method} ${routePathOf(file)}`, mod[method] as RouteHandler);
    }
  }
  return out;
}

/** Every exported function of every actions.ts ('use server' files export only actions). */
export async function loadServerActions(): Promise<Map<string, ServerAction>> {
  const out = new Map<string, ServerAction>();
  for (const [file, load] of Object.entries(actionModules)) {
    const mod = await load();
    for (const [name, value] of Object.entries(mod))
      if (typeof value === 'function') out.set(actionNameOf(file, name), value as ServerAction);
  }
  return out;
}

export type RouteAuth =
  { kind: 'session'; permission: Permission } | { kind: 'apiKey'; scope: ApiKeyScope } | { kind: 'public'; why: string };

export interface RouteCase {
  route: string;
  auth: RouteAuth;
  /** Values for the dynamic segments (an unknown id: the gate must decide before the lookup). */
  params?: Record<string, string>;
  /** Roles the data layer refuses although the permission admits them, and why (ADR 0010). */
  refusedFor?: { roles: Role[]; why: string };
}

const session = (permission: Permission) => ({ kind: 'session', permission }) as const;

/**
 * Every route handler and who may call it. A new route fails the coverage test until it is
 * listed here; expected outcomes per role follow lib/auth/permissions.ts.
 */
export const ROUTES: RouteCase[] = [
  { route: 'GET /api/api-keys', auth: session('apiKey:read') },
  { route: 'POST /api/api-keys', auth: session('apiKey:manage') },
  { route: 'GET /api/changes', auth: session('changeRequest:read') },
  { route: 'POST /api/changes', auth: session('changeRequest:create') },
  { route: 'POST /api/changes/:id/comments', auth: session('changeRequest:comment'), params: { id: 'missing' } },
  { route: 'POST /api/changes/:id/decision', auth: session('changeRequest:review'), params: { id: 'missing' } },
  { route: 'POST /api/changes/:id/deploy', auth: session('changeRequest:deploy'), params: { id: 'missing' } },
  { route: 'GET /api/changes/export/:format', auth: session('allowlist:read'), params: { format: 'claude-code' } },
  { route: 'GET /api/inventory/export', auth: session('inventory:export') },
  { route: 'GET /api/registries/runs/:runId', auth: session('registry:read'), params: { runId: 'missing' } },
  { route: 'GET /api/users', auth: session('user:read') },
  // Auditor portal (issue 14).
  {
    route: 'GET /api/audits/:id/populations/:population/export',
    auth: session('engagement:read'),
    params: { id: 'missing', population: 'changeRequests' },
  },
  {
    route: 'GET /api/audits/requests/:requestId/files/:replyId',
    auth: session('engagement:read'),
    params: { requestId: 'missing', replyId: 'missing' },
  },
  { route: 'POST /api/users', auth: session('user:manage') },
  // Evidence pack builds (issue 13).
  { route: 'GET /api/evidence/packs', auth: session('evidence:read') },
  { route: 'GET /api/evidence/packs/:id/download', auth: session('evidence:read'), params: { id: 'missing' } },
  { route: 'POST /api/v1/enforce', auth: { kind: 'apiKey', scope: 'ENFORCE' } },
  // Invocation events (issue 11)
  { route: 'POST /api/v1/events', auth: { kind: 'apiKey', scope: 'INGEST' } },
  { route: 'GET /api/v1/events', auth: { kind: 'apiKey', scope: 'READ' } },
  { route: 'GET /api/v1/events/export', auth: { kind: 'apiKey', scope: 'READ' } },
  { route: 'GET /api/v1/events/verify', auth: { kind: 'apiKey', scope: 'READ' } },
  { route: 'GET /api/invocations/export', auth: session('invocation:export') },
  // Compliance report and governance policy document (issue 13 points 4-5).
  { route: 'GET /api/reports/compliance/pdf', auth: session('evidence:read') },
  {
    route: 'GET /api/reports/governance-policy/:format',
    auth: session('evidence:read'),
    params: { format: 'md' },
    refusedFor: { roles: ['AUDITOR'], why: "the organisation's whole policy; an auditor's copy is in the audit's pack" },
  },
  { route: 'GET /api/v1/health', auth: { kind: 'public', why: 'liveness probe for load balancers; says only "ok"' } },
  { route: 'GET /api/v1/openapi.json', auth: { kind: 'public', why: 'the public API description, no data' } },
  { route: 'POST /api/v1/registries/:id/sync', auth: session('registry:sync'), params: { id: 'missing' } },
  // Gateways (issue 15)
  { route: 'POST /api/v1/tool-definitions', auth: { kind: 'apiKey', scope: 'INGEST' } },
  { route: 'GET /api/v1/verifications', auth: { kind: 'apiKey', scope: 'READ' } },
  { route: 'GET /api/v1/enforce/generation', auth: { kind: 'apiKey', scope: 'ENFORCE' } },
  {
    route: 'GET /api/auth/:nextauth',
    auth: { kind: 'public', why: 'next-auth sign-in endpoints: the gate itself (sign-in tests)' },
  },
  {
    route: 'POST /api/auth/:nextauth',
    auth: { kind: 'public', why: 'next-auth sign-in endpoints: the gate itself (sign-in tests)' },
  },
];

export const MUTATING = (route: string) => !/^(GET|HEAD|OPTIONS) /.test(route);

/** A request as a browser would send it to the dashboard's own API (same origin, JSON). */
export function jsonRequest(
  route: string,
  options: { body?: string; headers?: Record<string, string>; search?: string } = {},
): NextRequest {
  const [method, path] = route.split(' ') as [string, string];
  const hasBody = MUTATING(route);
  return new NextRequest(`http://localhost${path}${options.search ?? ''}`, {
    method,
    ...(hasBody ? { body: options.body ?? '{}' } : {}),
    headers: {
      host: 'localhost',
      origin: 'http://localhost',
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
  });
}
