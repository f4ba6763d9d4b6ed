/**
 * Issue 7 point 8 for the change-request operations: each checks the actor's permission itself,
 * first, so a caller that forgot its guard still cannot act beyond the role. Every role the
 * catalogue refuses gets 403 and no table changes; API keys are refused on all of them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@prisma/client';
import { withTestDatabase } from '@/lib/testing/test-database';
import { snapshotTables } from '@/lib/testing/db-snapshot';
import { getPrisma } from '@/lib/db/client';
import { can, type Permission } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { createChangeRequest } from './create-change-request';
import { decideChangeRequest } from './decide-change-request';
import { deployChangeRequest } from './deploy-change-request';
import { withdrawChangeRequest } from './withdraw-change-request';
import { addChangeComment } from './add-change-comment';

const t = withTestDatabase();
const ROLES: Role[] = ['ADMIN', 'COMPLIANCE_OFFICER', 'SECURITY_REVIEWER', 'AUDITOR'];
const actors = {} as Record<Role, Actor>;
let owner: Actor;
let versionId: string;
let serial = 0;
const JUSTIFICATION = 'Needed to answer customer tickets quickly.';

/** A request raised by someone outside the matrix, for a fresh agent (fast-tracked: the version is clean). */
async function raised(): Promise<string> {
  return (
    await createChangeRequest({
      actor: owner,
      input: {
        kind: 'NEW_TOOL',
        toolVersionId: versionId,
        agentId: await freshAgent(),
        environment: 'PRODUCTION',
        justification: JUSTIFICATION,
      },
    })
  ).id;
}

interface Operation {
  name: string;
  permission: Permission;
  /** Builds a valid input (as someone outside the matrix), before the snapshot. */
  setup: () => Promise<{ id?: string; agentId?: string }>;
  run: (actor: Actor, made: { id?: string; agentId?: string }) => Promise<unknown>;
}

async function freshAgent(): Promise<string> {
  const prisma = await getPrisma();
  return (await prisma.agent.create({ data: { name: `authz-agent-${++serial}`, environment: 'PRODUCTION', owner: 'ops' } })).id;
}

const OPERATIONS: Operation[] = [
  {
    name: 'createChangeRequest',
    permission: 'changeRequest:create',
    setup: async () => ({ agentId: await freshAgent() }),
    run: (actor, { agentId }) =>
      createChangeRequest({
        actor,
        input: {
          kind: 'NEW_TOOL',
          toolVersionId: versionId,
          agentId: agentId!,
          environment: 'PRODUCTION',
          justification: JUSTIFICATION,
        },
      }),
  },
  {
    name: 'decideChangeRequest',
    permission: 'changeRequest:review',
    setup: async () => ({ id: await raised() }),
    run: (actor, { id }) => decideChangeRequest({ actor, input: { id: id!, decision: 'REJECTED', comment: 'not now' } }),
  },
  {
    name: 'deployChangeRequest',
    permission: 'changeRequest:deploy',
    setup: async () => ({ id: await raised() }),
    run: (actor, { id }) => deployChangeRequest({ actor, input: { id: id! } }),
  },
  {
    name: 'withdrawChangeRequest',
    permission: 'changeRequest:create',
    setup: async () => ({ id: await raised() }),
    run: (actor, { id }) => withdrawChangeRequest({ actor, input: { id: id! } }),
  },
  {
    name: 'addChangeComment',
    permission: 'changeRequest:comment',
    setup: async () => ({ id: await raised() }),
    run: (actor, { id }) => addChangeComment({ actor, input: { id: id!, body: 'a note' } }),
  },
];

beforeAll(async () => {
  const prisma = await getPrisma();
  for (const role of ROLES) {
    const u = await prisma.user.create({ data: { email: `${role.toLowerCase()}@cr-authz.test`, name: role, role } });
    actors[role] = { type: 'USER', id: u.id, label: u.email, role };
  }
  const o = await prisma.user.create({ data: { email: 'owner@cr-authz.test', name: 'Owner', role: 'COMPLIANCE_OFFICER' } });
  owner = { type: 'USER', id: o.id, label: o.email, role: 'COMPLIANCE_OFFICER' };
  const registry = await prisma.registry.create({ data: { kind: 'AGENTNODE', name: 'authz', baseUrl: 'https://example.test' } });
  const publisher = await prisma.publisher.create({ data: { registryId: registry.id, externalId: 'pub', name: 'Pub' } });
  const tool = await prisma.tool.create({
    data: { registryId: registry.id, publisherId: publisher.id, externalId: 'clean', name: 'Clean' },
  });
  versionId = (
    await prisma.toolVersion.create({
      data: {
        toolId: tool.id,
        version: '1.0.0',
        artifactDigest: 'sha256:ok',
        tier: 'GOLD',
        trustScore: 95,
        verificationState: 'PASSED',
        lastVerifiedAt: new Date(),
      },
    })
  ).id;
});

describe('change-request operations check the permission themselves', () => {
  const refused = OPERATIONS.flatMap((op) => [
    ...ROLES.filter((role) => !can(role, op.permission)).map((role) => ({ op, role, label: role as string })),
    { op, role: null, label: 'an API key' },
  ]);

  it.each(refused.map((c) => [c.op.name, c.label, c] as const))(
    '%s as %s → 403, nothing written',
    async (_n, _l, { op, role }) => {
      const actor: Actor = role
        ? actors[role]
        : { type: 'API_KEY', id: 'k1', label: 'gateway', scopes: ['ENFORCE', 'INGEST', 'READ'], agentId: null };
      const made = await op.setup();
      const before = await snapshotTables(t.db());
      const outcome = await op.run(actor, made).then(
        () => 'ok',
        (e: unknown) => e,
      );
      expect(outcome).toBeInstanceOf(AppError);
      expect((outcome as AppError).status).toBe(403);
      expect((outcome as AppError).message).toMatch(/may not|Only a signed-in person/);
      expect(await snapshotTables(t.db())).toEqual(before);
    },
  );
});
