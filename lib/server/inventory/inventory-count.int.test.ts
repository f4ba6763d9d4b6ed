// The inventory's bounded count runs each filter as raw SQL (no ORDER BY id, issue 9.4), the list
// reads with the same filter's Prisma form. Here both forms count the same tools, for every filter
// and search the inventory offers, alone and combined, from the start and from a cursor, with an
// auditor's scope: the SQL count against Prisma's exact count on a seeded catalogue.
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { createBulkCatalog } from '@/lib/testing/bulk-catalog';
import { ZInventoryQuery, type TInventoryQueryInput } from '@/lib/validation/inventory';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { toolScopeOf, type AuditWindow } from '@/lib/server/engagements/auditor-scope';
import { findToolsForInventory } from './find-tools-for-inventory';
import { inventoryConditions, inventoryOrderBy, searchedPublisherIds } from './inventory-where';
import { countFrom, cursorOf, inventoryKeySelect } from './inventory-keyset';
import { allOf, type ToolCondition } from './tool-condition';

const t = withTestDatabase();
const TOOLS = 240;
const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 86_400_000;
const prisma = () => t.db().prisma;

async function filterOf(input: TInventoryQueryInput, scope: ToolCondition | null = null) {
  const q = ZInventoryQuery.parse(input);
  const conditions = inventoryConditions(q, await searchedPublisherIds(prisma(), q), NOW);
  return { q, filter: allOf([...conditions, ...(scope ? [scope] : [])]) };
}

/** Prisma's exact count and the SQL count (with a window wider than the catalogue) of one filter. */
async function bothCounts(input: TInventoryQueryInput, scope: ToolCondition | null = null) {
  const { q, filter } = await filterOf(input, scope);
  return {
    exact: await prisma().tool.count({ where: filter.where }),
    sql: await countFrom(prisma(), filter, q, null, TOOLS + 1),
  };
}

const FILTERS: [string, TInventoryQueryInput][] = [
  ['nothing', {}],
  ['a search on names and descriptions', { q: 'email' }],
  ['a search in another case', { q: 'GitHub' }],
  ['a search matching publishers by name', { q: 'labs-3' }],
  ['a search with LIKE wildcards taken literally', { q: '50%_' }],
  ['a search for an id-like number', { q: '-17' }],
  ['an environment', { env: 'PRODUCTION' }],
  ['two tiers', { tier: ['GOLD', 'FAILED'] }],
  ['a permission level', { network: 'EXTERNAL' }],
  ['filesystem, code execution and data access', { filesystem: 'READ', codeExecution: 'NONE', dataAccess: 'READ' }],
  ['a verification state', { verification: 'PASSED' }],
  ['a residual risk', { riskAtLeast: 12 }],
  ['covered by an exception', { exception: 'covered' }],
  ['a subprocessor', { subprocessor: 'yes' }],
  ['a search in an environment', { q: 'search', env: 'STAGING' }],
  ['everything at once', { q: 'a', env: 'DEVELOPMENT', tier: ['VERIFIED', 'PARTIAL', 'GOLD'], verification: 'PASSED' }],
];

describe('inventory bounded count (SQL) against the filter Prisma reads with', () => {
  let publisherId = '';
  let registryId = '';

  beforeAll(async () => {
    const db = prisma();
    const built = await createBulkCatalog(db, {
      tools: TOOLS,
      versionsPerTool: 1,
      publishers: 12,
      agentsPerEnv: 2,
      installRatio: 0.6,
    });
    registryId = built.registryId;
    const tools = await db.tool.findMany({ select: { id: true, publisherId: true }, orderBy: { id: 'asc' } });
    publisherId = tools[0]!.publisherId;
    // A literal "50%_" in one description: the search must not read % and _ as wildcards.
    await db.tool.update({ where: { id: tools[1]!.id }, data: { description: 'handles 50%_ of traffic' } });
    const user = await db.user.create({ data: { email: 'assessor@example.test', name: 'Assessor', role: 'ADMIN' } });
    for (const [i, tool] of tools.entries()) {
      // Risk: every third tool assessed; every sixth reassessed, lowering (or raising) the score.
      if (i % 3 === 0) {
        const [l, m] = [1 + (i % 5), 1 + (Math.floor(i / 5) % 5)];
        const first = await db.riskAssessment.create({ data: risk(tool.id, user.id, l, m) });
        if (i % 6 === 0) await db.riskAssessment.create({ data: { ...risk(tool.id, user.id, 6 - l, m), previousId: first.id } });
      }
      // Exceptions: approved and current, approved but expired, requested.
      if (i % 5 === 0) {
        const status = i % 15 === 0 ? 'REQUESTED' : 'APPROVED';
        const days = i % 10 === 0 ? -1 : 30;
        await db.policyException.create({ data: exception(tool.id, status, new Date(NOW.getTime() + days * DAY)) });
      }
      // Data flow maps: a subprocessor in its current map, or only in a replaced one.
      if (i % 7 === 0) {
        const first = await db.dataFlowMap.create({ data: flow(tool.id, 1, i % 14 === 0) });
        if (i % 21 === 0) await db.dataFlowMap.create({ data: { ...flow(tool.id, 2, i % 14 !== 0), previousId: first.id } });
      }
    }
    // Installations approved, created and revoked at different times, for the auditor's windows.
    await db.$executeRawUnsafe(
      `UPDATE "Installation" SET "createdAt" = $1::timestamp - (abs(hashtext(id)::bigint) % 90) * interval '1 day',
         "approvedAt" = CASE WHEN abs(hashtext(id)::bigint) % 3 = 0 THEN NULL ELSE $1::timestamp - (abs(hashtext(id)::bigint) % 60) * interval '1 day' END,
         "revokedAt" = CASE WHEN state = 'REVOKED' THEN $1::timestamp - (abs(hashtext(id)::bigint) % 45) * interval '1 day' END`,
      NOW.toISOString(),
    );
  }, 180_000);

  it.each(FILTERS)('%s: the same count both ways', async (_, input) => {
    const { exact, sql } = await bothCounts(input);
    expect(sql).toBe(exact);
  });

  it('the filters are not vacuous: most select some tools but not all', async () => {
    const counts = await Promise.all(FILTERS.map(async ([, input]) => (await bothCounts(input)).exact));
    expect(counts[0]).toBe(TOOLS);
    expect(counts.filter((n) => n > 0 && n < TOOLS).length).toBeGreaterThanOrEqual(FILTERS.length - 3);
    // The literal wildcard search finds exactly the one tool that has "50%_".
    expect(counts[FILTERS.findIndex(([name]) => name.includes('wildcards'))]).toBe(1);
  });

  it('a publisher and a registry filter', async () => {
    for (const input of [{ publisher: publisherId }, { registry: registryId }, { publisher: 'nobody' }]) {
      const { exact, sql } = await bothCounts(input);
      expect(sql).toBe(exact);
    }
  });

  it("an auditor's scope (periods, environments, none open) counts the same both ways", async () => {
    const window = (from: number, to: number, environments: AuditWindow['environments']): AuditWindow => ({
      engagementId: 'e',
      from: new Date(NOW.getTime() - from * DAY),
      to: new Date(NOW.getTime() - to * DAY),
      environments,
    });
    const scopes = [
      [window(60, 20, ['PRODUCTION'])],
      [window(30, 0, ['STAGING', 'DEVELOPMENT']), window(80, 50, ['PRODUCTION'])],
      [window(90, 0, ['PRODUCTION', 'STAGING', 'DEVELOPMENT'])],
      [],
    ];
    const seen: number[] = [];
    for (const windows of scopes) {
      for (const input of [{}, { q: 'e', tier: ['GOLD', 'VERIFIED'] }] as TInventoryQueryInput[]) {
        const { exact, sql } = await bothCounts(input, toolScopeOf(windows));
        expect(sql).toBe(exact);
        seen.push(exact);
      }
    }
    expect(seen.at(-1)).toBe(0);
    expect(seen.filter((n) => n > 0 && n < TOOLS).length).toBeGreaterThan(3);
  });

  it.each([
    ['name', 'asc'],
    ['tier', 'desc'],
    ['trustScore', 'asc'],
    ['trustScore', 'desc'],
    ['updatedAt', 'desc'],
    ['publisher', 'desc'],
  ] as const)('from a cursor, sorted by %s %s: the rows from there on, bounded by the limit', async (sort, dir) => {
    for (const input of [
      { sort, dir },
      { sort, dir, network: 'NONE' },
    ] as TInventoryQueryInput[]) {
      const { q, filter } = await filterOf(input);
      const list = await prisma().tool.findMany({
        where: filter.where,
        orderBy: inventoryOrderBy(q),
        select: inventoryKeySelect,
      });
      for (const at of [0, 1, Math.floor(list.length / 2), list.length - 1]) {
        const from = cursorOf(q, list[at]!);
        expect(await countFrom(prisma(), filter, q, from, TOOLS + 1)).toBe(list.length - at);
        expect(await countFrom(prisma(), filter, q, from, 10)).toBe(Math.min(10, list.length - at));
      }
    }
  });

  it('the list reports the same total as the exact count', async () => {
    for (const [, input] of FILTERS.slice(0, 8)) {
      const page = await findToolsForInventory({ actor: SYSTEM_ACTOR, input: { ...input, pageSize: 10 } }, { now: NOW });
      const { exact } = await bothCounts(input);
      expect({ total: page.total, lowerBound: page.totalIsLowerBound }).toEqual({ total: exact, lowerBound: false });
    }
  });

  // Last: it changes installations. Tool.environments (the SQL form of the environment filter) is a
  // copy kept by a trigger on Installation; every kind of change must move it as Prisma sees it.
  it('the environment filter follows installations revoked, reinstated, moved, deleted and added', async () => {
    const db = prisma();
    const installs = await db.installation.findMany({ orderBy: { id: 'asc' }, take: 12 });
    const [a, b, c, d, e] = installs;
    await db.installation.update({ where: { id: a!.id }, data: { state: 'REVOKED' } });
    await db.installation.update({ where: { id: b!.id }, data: { state: 'ACTIVE' } });
    await db.installation.update({
      where: { id: c!.id },
      data: { environment: c!.environment === 'PRODUCTION' ? 'STAGING' : 'PRODUCTION' },
    });
    await db.installation.delete({ where: { id: d!.id } });
    // Moved to a tool installed nowhere (both tools change), and a new one on another such tool.
    const [other, fresh] = await db.tool.findMany({ where: { installations: { none: {} } }, orderBy: { id: 'asc' }, take: 2 });
    const versionOf = async (toolId: string) => (await db.toolVersion.findFirstOrThrow({ where: { toolId } })).id;
    await db.installation.update({
      where: { id: e!.id },
      data: { toolId: other!.id, toolVersionId: await versionOf(other!.id) },
    });
    await db.installation.create({
      data: {
        agentId: a!.agentId,
        toolId: fresh!.id,
        toolVersionId: await versionOf(fresh!.id),
        environment: a!.environment,
        state: 'REQUESTED',
      },
    });
    await db.installation.updateMany({ where: { id: { in: installs.slice(5).map((i) => i.id) } }, data: { state: 'REVOKED' } });
    for (const env of ['PRODUCTION', 'STAGING', 'DEVELOPMENT'] as const) {
      const { exact, sql } = await bothCounts({ env });
      expect(sql).toBe(exact);
      const page = await findToolsForInventory({ actor: SYSTEM_ACTOR, input: { env, pageSize: 50 } }, { now: NOW });
      const { filter } = await filterOf({ env });
      const expected = await db.tool.findMany({
        where: filter.where,
        orderBy: inventoryOrderBy(ZInventoryQuery.parse({})),
        take: 50,
      });
      expect(page.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    }
  });
});

/** An assessment whose residual score is likelihood × impact (the table checks it). */
function risk(toolId: string, assessorId: string, likelihood: number, impact: number) {
  return {
    toolId,
    assessorId,
    likelihood: 5,
    impact: 5,
    inherentScore: 25,
    controls: 'reviewed',
    residualLikelihood: likelihood,
    residualImpact: impact,
    residualScore: likelihood * impact,
    treatment: 'MITIGATE' as const,
    owner: 'security',
    assessedAt: NOW,
    nextReviewAt: new Date(NOW.getTime() + 90 * DAY),
    suggestion: {},
  };
}

function exception(toolId: string, status: 'APPROVED' | 'REQUESTED', expiresAt: Date) {
  return {
    rules: ['min-tier'],
    toolId,
    environment: 'PRODUCTION' as const,
    justification: 'j',
    compensatingControls: 'c',
    remediationPlan: 'r',
    remediationDate: expiresAt,
    expiresAt,
    status,
    requestedById: 'u-officer',
  };
}

function flow(toolId: string, revision: number, subprocessor: boolean) {
  return {
    toolId,
    revision,
    status: 'DERIVED' as const,
    inputs: [],
    processing: 'p',
    destinations: [],
    retention: 'r',
    dataClasses: [],
    highestClass: 'PUBLIC',
    externalHosts: subprocessor ? ['api.example.test'] : [],
    subprocessor,
    excessInputs: 0,
  };
}
