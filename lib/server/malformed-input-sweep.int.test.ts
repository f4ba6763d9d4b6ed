/**
 * Malformed-input sweep (issue 10 point 7): generated bad inputs (broken JSON, NUL bytes, %ff,
 * lone surrogates, overlong text, 2026-13-01, wrong types) against every route handler and every
 * list page's data path, signed in as an admin (API-key routes with a key of their scope), on
 * both databases (projects pglite and postgres). Nothing may answer 5xx or throw: a bad input is
 * a 4xx with a message, or is dropped from a filter and reported. Pages are swept through the
 * schemas they parse their URL with and the lib/server function they render from; undecodable
 * path segments are answered by proxy.ts before routing (lib/validation/path.test.ts).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= 'test-secret-for-malformed-input-sweep';
});
const session = vi.hoisted(() => ({ userId: '' }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId }, expires: '2999-01-01T00:00:00Z' } : null),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import { withTestDatabase } from '@/lib/testing/test-database';
import { jsonRequest, loadRouteHandlers, MUTATING, ROUTES, type RouteHandler } from '@/lib/testing/entry-points';
import { BAD_BODIES, BAD_QUERY_VALUES, BAD_VALUES, fieldNamesOf, searchParamsRecord } from '@/lib/testing/bad-inputs';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import type { OperationCall } from '@/lib/server/operation';
import { AppError } from '@/lib/server/errors';
import { createApiKey } from '@/lib/server/api-keys/create-api-key';
import { findToolsForInventory } from '@/lib/server/inventory/find-tools-for-inventory';
import { getToolDetail } from '@/lib/server/inventory/get-tool-detail';
import { getComplianceMatrix } from '@/lib/server/policies/get-compliance-matrix';
import { getComplianceReport } from '@/lib/server/reports/get-compliance-report';
import { ZComplianceReportPageQuery } from '@/lib/validation/reports';
import { listAuditEvents } from '@/lib/server/audit/list-audit-events';
import { listAlerts } from '@/lib/server/alerts/list-alerts';
import { listEnforcementDecisions } from '@/lib/server/enforcement/list-enforcement-decisions';
import { listChangeRequests } from '@/lib/server/change-requests/list-change-requests';
import { listSyncRuns, getSyncRunProgress } from '@/lib/server/registries/list-sync-runs';
import { getRegistry } from '@/lib/server/registries/list-registries';
import { parseInventoryQuery, ZInventoryQuery } from '@/lib/validation/inventory';
import { parseAuditPageQuery, ZAuditPageQuery } from '@/lib/validation/audit';
// Risk assessments (issue 12).
import { listRiskRegister } from '@/lib/server/risks/list-risk-register';
import { getToolRisk } from '@/lib/server/risks/get-tool-risk';
// Data flow maps (issue 12.2).
import { listDataFlowRegister } from '@/lib/server/data-flows/list-data-flow-register';
import { listSubprocessors } from '@/lib/server/data-flows/list-subprocessors';
import { listLeastPrivilege } from '@/lib/server/monitoring/list-least-privilege';
import { ZLeastPrivilegeQuery } from '@/lib/validation/least-privilege';
import { getToolDataFlow } from '@/lib/server/data-flows/get-tool-data-flow';
import { getAgentDataFlow } from '@/lib/server/data-flows/get-agent-data-flow';
import { ZDataFlowRegisterQuery, ZSubprocessorQuery } from '@/lib/validation/data-flow';
import { ZRiskRegisterQuery } from '@/lib/validation/risk';
import { ZAlertsPageQuery, ZCompliancePageQuery } from '@/lib/validation/list-queries';
import { dateRangeIssues, parseSearchParams, type QueryIssue } from '@/lib/validation/search-params';
import { ZEnforcementLogFilter } from '@/lib/validation/enforce';
import { ZListChangeRequestsQuery } from '@/lib/validation/change-request';
import { ZInvocationListInput } from '@/lib/validation/invocation-filter';
import { listInvocationEvents } from '@/lib/server/invocations/list-invocation-events';
import { ZExceptionFormQuery, ZListExceptionsQuery } from '@/lib/validation/exception';
import { listPolicyExceptions } from '@/lib/server/exceptions/list-policy-exceptions';
import { getPolicyException } from '@/lib/server/exceptions/get-policy-exception';
import { getExceptionRequestOptions } from '@/lib/server/exceptions/get-exception-request-options';
// Incident response (issue 14.6).
import { listIncidents } from '@/lib/server/incidents/list-incidents';
import { getIncident } from '@/lib/server/incidents/get-incident';
import { getIncidentFormOptions, ZIncidentFormQuery } from '@/lib/server/incidents/get-incident-form-options';
import { ZListIncidentsQuery } from '@/lib/validation/incident';
// Pages swept since (issue 10 re-check): vendor reviews, allowlist and exports, settings lists.
import { listPublisherReviews } from '@/lib/server/vendors/list-publisher-reviews';
import { listRegistryReviews } from '@/lib/server/vendors/list-registry-reviews';
import { ZVendorReviewQuery } from '@/lib/validation/vendors';
import { listAllowlist } from '@/lib/server/change-requests/list-allowlist';
import { listAllowlistToolChoices } from '@/lib/server/change-requests/list-allowlist-tool-choices';
import { ZListAllowlistQuery } from '@/lib/validation/change-request';
import { getChangeRequest } from '@/lib/server/change-requests/get-change-request';
import { getEnvironmentExports } from '@/lib/server/exports/get-environment-exports';
import { ZExportsPageQuery } from '@/lib/validation/export';
import { listUsers } from '@/lib/server/users/list-users';
import { ZListUsersQuery } from '@/lib/validation/user';
import { listWebhookDeliveries } from '@/lib/server/webhooks/list-webhooks';
import { ZListWebhookDeliveriesInput } from '@/lib/validation/webhook';
import { ZSyncRunsPageQuery } from '@/lib/validation/list-queries';
import { ZHiddenColumns } from '@/lib/validation/search-params';
import * as alertSchemas from '@/lib/validation/alert';
import * as apiKeySchemas from '@/lib/validation/api-key';
import * as changeSchemas from '@/lib/validation/change-request';
import * as enforceSchemas from '@/lib/validation/enforce';
import * as inventorySchemas from '@/lib/validation/inventory';
import * as policySchemas from '@/lib/validation/policy';
import * as registrySchemas from '@/lib/validation/registry';
import * as userSchemas from '@/lib/validation/user';

withTestDatabase();

let handlers: Map<string, RouteHandler>;
let admin: Actor;
let enforceKey = '';
const FIELDS = fieldNamesOf([
  alertSchemas,
  apiKeySchemas,
  changeSchemas,
  enforceSchemas,
  inventorySchemas,
  policySchemas,
  registrySchemas,
  userSchemas,
]);

beforeAll(async () => {
  handlers = await loadRouteHandlers();
  const prisma = await getPrisma();
  const user = await prisma.user.create({ data: { email: 'admin@sweep.test', name: 'Admin', role: 'ADMIN' } });
  admin = { type: 'USER', id: user.id, label: user.email, role: 'ADMIN' };
  session.userId = user.id;
  enforceKey = (await createApiKey({ actor: admin, input: { name: 'sweep', scopes: ['ENFORCE', 'INGEST', 'READ'] } })).secret;
});

/** A failure: a 5xx, a thrown error that is not a 4xx AppError, or a body that breaks while read. */
async function outcome(run: () => Promise<unknown>): Promise<string | null> {
  try {
    const result = await run();
    if (result instanceof Response) {
      await result.text(); // streamed bodies (CSV) fail while read, not at the status line
      return result.status >= 500 ? `status ${result.status}` : null;
    }
    return null;
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return null;
    return `threw ${err instanceof Error ? `${err.name}: ${err.message.slice(0, 160)}` : String(err)}`;
  }
}

function call(route: string, options: { body?: string; search?: string; params?: Record<string, string> }) {
  const auth = ROUTES.find((r) => r.route === route)!.auth;
  const headers: Record<string, string> = auth.kind === 'apiKey' ? { authorization: `Bearer ${enforceKey}` } : {};
  return handlers.get(route)!(jsonRequest(route, { body: options.body, search: options.search, headers }), {
    params: Promise.resolve(options.params ?? {}),
  });
}

const SWEPT = ROUTES.filter((r) => !r.route.includes('/api/auth/'));
const QUERY_KEYS = [
  ...new Set([
    ...Object.keys(ZInventoryQuery.shape),
    ...Object.keys(ZAuditPageQuery.shape),
    'environment',
    'format',
    'q',
    'status',
    // Invocation events (issue 11)
    ...Object.keys(ZInvocationListInput.shape),
  ]),
];

describe('malformed-input sweep: route handlers, signed in as admin', { timeout: 300_000 }, () => {
  for (const r of SWEPT) {
    it(`${r.route}: no 5xx`, async () => {
      const failures: string[] = [];
      const record = async (what: string, run: () => Promise<unknown>) => {
        const bad = await outcome(run);
        if (bad) failures.push(`${what} → ${bad}`);
      };
      if (MUTATING(r.route)) {
        for (const body of BAD_BODIES)
          await record(`body ${JSON.stringify(body.slice(0, 30))}`, () => call(r.route, { body, params: r.params }));
        for (const value of BAD_VALUES) {
          const all = Object.fromEntries(FIELDS.map((f) => [f, value]));
          await record(`every field = ${JSON.stringify(value)?.slice(0, 30)}`, () =>
            call(r.route, { body: JSON.stringify(all), params: r.params }),
          );
        }
        for (const field of FIELDS)
          await record(`${field} = NUL`, () =>
            call(r.route, { body: JSON.stringify({ [field]: 'a\u0000b' }), params: r.params }),
          );
      } else {
        for (const key of QUERY_KEYS) {
          for (const value of BAD_QUERY_VALUES)
            await record(`?${key}=${value.slice(0, 30)}`, () => call(r.route, { search: `?${key}=${value}`, params: r.params }));
        }
      }
      for (const name of Object.keys(r.params ?? {})) {
        for (const value of BAD_VALUES.filter((v): v is string => typeof v === 'string')) {
          await record(`:${name} = ${JSON.stringify(value.slice(0, 30))}`, () =>
            call(r.route, { params: { ...r.params, [name]: value } }),
          );
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('refused enforce attempts with control characters are still logged', () => {
  it('logs the DENY with the characters replaced, instead of failing the log write', async () => {
    const body = JSON.stringify({ agent: 'agent\u0000x', tool: 'tool\u0000y', version: '1.0.0', action: 'install' });
    const res = await call('POST /api/v1/enforce', { body });
    expect(res.status).toBe(400);
    const prisma = await getPrisma();
    const logged = await prisma.enforcementDecision.findFirst({ where: { agentName: 'agent\ufffdx' } });
    expect(logged).toMatchObject({ outcome: 'DENY', toolName: 'tool\ufffdy', action: 'INSTALL' });
  });
});

/** Each list page: how it reads its URL, then the lib/server call it renders from. */
interface SweptPage {
  page: string;
  keys: string[];
  load: (sp: Record<string, string | string[]>) => Promise<unknown>;
}

/**
 * The usual list page: it reads its URL through the shared helper with one schema (a bad field is
 * reported and dropped, `check` adds the cross-field issues the page shows) and renders from one
 * lib/server call given that query. Pages that read their URL another way are spelled out below.
 */
function listPage<S extends z.ZodObject>(
  page: string,
  schema: S,
  render: (call: OperationCall<z.infer<S>>) => Promise<unknown>,
  check?: (query: z.infer<S>) => QueryIssue[],
): SweptPage {
  return {
    page,
    keys: Object.keys(schema.shape),
    load: (sp) => render({ actor: admin, input: parseSearchParams(schema, sp, check).query }),
  };
}

const PAGES: SweptPage[] = [
  {
    page: '/inventory',
    keys: Object.keys(ZInventoryQuery.shape),
    load: (sp) => findToolsForInventory({ actor: admin, input: parseInventoryQuery(sp).query }),
  },
  {
    page: '/compliance',
    keys: Object.keys(ZCompliancePageQuery.shape),
    load: (sp) =>
      getComplianceMatrix({ actor: admin, input: { ...parseSearchParams(ZCompliancePageQuery, sp).query, pageSize: 50 } }),
  },
  {
    page: '/audit',
    keys: Object.keys(ZAuditPageQuery.shape),
    load: (sp) => listAuditEvents({ actor: admin, input: parseAuditPageQuery(sp).query }),
  },
  listPage('/monitoring', ZAlertsPageQuery, listAlerts),
  listPage('/enforcement', ZEnforcementLogFilter, listEnforcementDecisions, dateRangeIssues),
  // Invocation events (issue 11)
  listPage('/invocations', ZInvocationListInput, listInvocationEvents, dateRangeIssues),
  {
    page: '/changes',
    keys: [...Object.keys(ZListChangeRequestsQuery.shape), 'hide'],
    load: (sp) => {
      const { hide: _hide, ...input } = parseSearchParams(ZListChangeRequestsQuery.extend({ hide: ZHiddenColumns }), sp).query;
      return listChangeRequests({ actor: admin, input });
    },
  },
  {
    page: '/registries/runs',
    keys: Object.keys(ZSyncRunsPageQuery.shape),
    load: (sp) => {
      const { hide: _hide, ...input } = parseSearchParams(ZSyncRunsPageQuery, sp).query;
      return listSyncRuns({ actor: admin, input });
    },
  },
  listPage('/risks/publishers', ZVendorReviewQuery, listPublisherReviews),
  listPage('/risks/registries', ZVendorReviewQuery, listRegistryReviews),
  {
    // The allowlist's own filters, then the free-text tool search of its "add" form.
    page: '/changes/allowlist',
    keys: Object.keys(ZListAllowlistQuery.shape),
    load: async (sp) => {
      const { q, ...listParams } = sp;
      await listAllowlist({ actor: admin, input: parseSearchParams(ZListAllowlistQuery, listParams).query });
      return listAllowlistToolChoices({ actor: admin, input: { q: (typeof q === 'string' ? q : '').slice(0, 200) } });
    },
  },
  listPage('/changes/exports', ZExportsPageQuery, getEnvironmentExports),
  listPage('/settings/users', ZListUsersQuery, listUsers),
  listPage('/settings/webhooks', ZListWebhookDeliveriesInput, listWebhookDeliveries),
  // Risk assessments (issue 12).
  listPage('/risks', ZRiskRegisterQuery, listRiskRegister),
  // Policy exception workflow (issue 12.3): the register and the request form's starting point.
  listPage('/exceptions', ZListExceptionsQuery, listPolicyExceptions),
  listPage('/exceptions/new', ZExceptionFormQuery, getExceptionRequestOptions),
  // Compliance report (issue 13 point 4).
  {
    page: '/reports/compliance',
    keys: Object.keys(ZComplianceReportPageQuery.shape),
    load: (sp) => {
      const { environment, page } = parseSearchParams(ZComplianceReportPageQuery, sp).query;
      return getComplianceReport({ actor: admin, input: { environment, page, pageSize: 50 } });
    },
  },
  // Incident response (issue 14.6).
  listPage('/incidents', ZListIncidentsQuery, listIncidents),
  listPage('/incidents/new', ZIncidentFormQuery, getIncidentFormOptions),
  // Data flow maps (issue 12.2).
  listPage('/data-flows', ZDataFlowRegisterQuery, listDataFlowRegister),
  listPage('/subprocessors', ZSubprocessorQuery, listSubprocessors),
  // Least privilege, paged (issue 9's list bound).
  listPage('/monitoring/least-privilege', ZLeastPrivilegeQuery, listLeastPrivilege),
];

/** Detail pages: the id from the path, after Next decoded it. */
const DETAILS: { page: string; load: (id: string) => Promise<unknown> }[] = [
  { page: '/inventory/[toolId]', load: (toolId) => getToolDetail({ actor: admin, input: { toolId } }) },
  { page: '/registries/[id]', load: (id) => getRegistry({ actor: admin, input: { id } }) },
  { page: '/changes/[id]', load: (id) => getChangeRequest({ actor: admin, input: { id } }) },
  { page: '/exceptions/[id]', load: (id) => getPolicyException({ actor: admin, input: { id } }) },
  { page: '/api/registries/runs/[runId]', load: (id) => getSyncRunProgress({ actor: admin, input: { id } }) },
  // Risk assessments (issue 12).
  { page: '/risks/[toolId]', load: (toolId) => getToolRisk({ actor: admin, input: { toolId } }) },
  // Incident response (issue 14.6).
  { page: '/incidents/[id]', load: (id) => getIncident({ actor: admin, input: { id } }) },
  // Data flow maps (issue 12.2).
  { page: '/data-flows/[toolId]', load: (toolId) => getToolDataFlow({ actor: admin, input: { toolId } }) },
  { page: '/data-flows/agents/[agentId]', load: (agentId) => getAgentDataFlow({ actor: admin, input: { agentId } }) },
];

describe('malformed-input sweep: list pages (URL schema → data function)', { timeout: 300_000 }, () => {
  for (const p of PAGES) {
    it(`${p.page}: every filter × every bad value, and repeated keys`, async () => {
      const failures: string[] = [];
      for (const key of [...p.keys, 'q']) {
        for (const value of BAD_QUERY_VALUES) {
          for (const search of [`${key}=${value}`, `${key}=ok&${key}=${value}`]) {
            const bad = await outcome(() => p.load(searchParamsRecord(search)));
            if (bad) failures.push(`?${search.slice(0, 40)} → ${bad}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }

  for (const d of DETAILS) {
    it(`${d.page}: malformed ids are "not found", never a crash`, async () => {
      const failures: string[] = [];
      for (const value of BAD_VALUES.filter((v): v is string => typeof v === 'string')) {
        const bad = await outcome(() => d.load(value));
        if (bad) failures.push(`${JSON.stringify(value.slice(0, 30))} → ${bad}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
