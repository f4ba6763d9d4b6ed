/**
 * The exception operations check the actor's permission themselves, first: every role the
 * catalogue refuses (and any API key) gets 403 and no table changes. The auditor reads.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@prisma/client';
import { can, type Permission } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { snapshotTables } from '@/lib/testing/db-snapshot';
import { buildEnforceWorld, type EnforceWorld } from '@/lib/testing/enforce-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { decidePolicyException } from './decide-policy-exception';
import { getExceptionRequestOptions } from './get-exception-request-options';
import { getPolicyException } from './get-policy-exception';
import { listPolicyExceptions } from './list-policy-exceptions';
import { raiseExceptionExpiryAlerts } from './raise-exception-expiry-alerts';
import { requestPolicyException } from './request-policy-exception';
import { revokePolicyException } from './revoke-policy-exception';
import { openAuditFor } from '@/lib/testing/open-audit';

const t = withTestDatabase();
const ROLES: Role[] = ['ADMIN', 'COMPLIANCE_OFFICER', 'SECURITY_REVIEWER', 'AUDITOR'];
const actors = {} as Record<Role, Actor>;
const API_KEY: Actor = { type: 'API_KEY', id: 'k1', label: 'gateway', scopes: ['ENFORCE', 'INGEST', 'READ'], agentId: null };
let owner: Actor;
let decider: Actor;
let w: EnforceWorld;
let versionId: string;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const requestInput = () => ({
  toolId: w.tools.verified,
  environment: 'PRODUCTION' as const,
  toolVersionId: versionId,
  rules: ['min-tier'],
  justification: 'The support workflow needs it until a Gold release.',
  compensatingControls: 'Egress limited; weekly log review.',
  remediationPlan: 'Move to the Gold release.',
  remediationDate: inDays(10),
  expiresAt: inDays(20),
});
const requested = async () => (await requestPolicyException({ actor: owner, input: requestInput() })).id;
const approved = async () => {
  const id = await requested();
  await decidePolicyException({ actor: decider, input: { id, decision: 'APPROVED' } });
  return id;
};

interface Operation {
  name: string;
  permission: Permission;
  setup: () => Promise<string | undefined>;
  run: (actor: Actor, id: string | undefined) => Promise<unknown>;
}

const OPERATIONS: Operation[] = [
  {
    name: 'requestPolicyException',
    permission: 'exception:request',
    setup: async () => undefined,
    run: (actor) => requestPolicyException({ actor, input: requestInput() }),
  },
  {
    name: 'decidePolicyException',
    permission: 'exception:approve',
    setup: requested,
    run: (actor, id) => decidePolicyException({ actor, input: { id: id!, decision: 'APPROVED' } }),
  },
  {
    name: 'revokePolicyException',
    permission: 'exception:approve',
    setup: approved,
    run: (actor, id) => revokePolicyException({ actor, input: { id: id!, reason: 'no longer needed' } }),
  },
  {
    name: 'raiseExceptionExpiryAlerts',
    permission: 'alert:manage',
    setup: async () => undefined,
    run: (actor) => raiseExceptionExpiryAlerts({ actor, input: {} }, { now: new Date(Date.now() + 15 * 86_400_000) }),
  },
  {
    name: 'listPolicyExceptions',
    permission: 'exception:read',
    setup: async () => undefined,
    run: (actor) => listPolicyExceptions({ actor, input: {} }),
  },
  {
    name: 'getPolicyException',
    permission: 'exception:read',
    setup: requested,
    run: (actor, id) => getPolicyException({ actor, input: { id: id! } }),
  },
  {
    name: 'getExceptionRequestOptions',
    permission: 'exception:request',
    setup: async () => undefined,
    run: (actor) => getExceptionRequestOptions({ actor, input: {} }),
  },
];

beforeAll(async () => {
  const prisma = t.db().prisma;
  w = await buildEnforceWorld(prisma);
  for (const role of ROLES) {
    const u = await prisma.user.create({ data: { email: `${role.toLowerCase()}@exc-authz.test`, name: role, role } });
    actors[role] = { type: 'USER', id: u.id, label: u.email, role };
  }
  const o = await prisma.user.create({ data: { email: 'owner@exc-authz.test', name: 'Owner', role: 'COMPLIANCE_OFFICER' } });
  owner = { type: 'USER', id: o.id, label: o.email, role: 'COMPLIANCE_OFFICER' };
  const d = await prisma.user.create({ data: { email: 'decider@exc-authz.test', name: 'Decider', role: 'SECURITY_REVIEWER' } });
  decider = { type: 'USER', id: d.id, label: d.email, role: 'SECURITY_REVIEWER' };
  // The auditor reads with an audit open over all time (their reads are scoped to it, ADR 0010).
  await openAuditFor(prisma, actors.AUDITOR as Actor & { id: string });
  versionId = (await prisma.toolVersion.findFirstOrThrow({ where: { toolId: w.tools.verified } })).id;
});

describe('exception operations check the permission themselves', () => {
  const cases = OPERATIONS.flatMap((op) => [
    ...ROLES.map((role) => ({ op, role: role as Role | null, allowed: can(role, op.permission) })),
    { op, role: null, allowed: false },
  ]);

  it.each(cases.map((c) => [c.op.name, c.role ?? 'an API key', c.allowed ? 'allowed' : '403, nothing written', c] as const))(
    '%s as %s → %s',
    async (_n, _r, _o, { op, role, allowed }) => {
      const actor = role ? actors[role] : API_KEY;
      const id = await op.setup();
      if (allowed) {
        await expect(op.run(actor, id)).resolves.toBeDefined();
        return;
      }
      const before = await snapshotTables(t.db());
      const err = await op.run(actor, id).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(403);
      expect(await snapshotTables(t.db())).toEqual(before);
    },
  );
});
