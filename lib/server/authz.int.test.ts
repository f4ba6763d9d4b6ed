/**
 * Authorization matrix for the data layer: every mutating lib/server operation × every role.
 * A role the permission catalogue refuses must get a 403 AND leave every table exactly as it
 * was (rows and audit trail); an allowed role must succeed. The auditor must be refused all
 * of them. Add your operation to MUTATIONS: `setup` (as admin/system) builds a fresh valid
 * input, `run` performs the operation as the given actor.
 */
import type { Role } from '@prisma/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { snapshotTables } from '@/lib/testing/db-snapshot';
import { getPrisma } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { can, type Permission } from '@/lib/auth/permissions';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { createUser } from '@/lib/server/users/create-user';
import { updateUserRole } from '@/lib/server/users/update-user-role';
import { setUserActive } from '@/lib/server/users/set-user-active';
import { resetUserPassword } from '@/lib/server/users/reset-user-password';
import { createApiKey } from '@/lib/server/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/server/api-keys/revoke-api-key';
import { addAllowlistEntry } from '@/lib/server/change-requests/add-allowlist-entry';
import { decideAllowlistEntry } from '@/lib/server/change-requests/decide-allowlist-entry';
import { revokeAllowlistEntry } from '@/lib/server/change-requests/revoke-allowlist-entry';
import { updateAlertState } from '@/lib/server/alerts/update-alert-state';
import { assignAlert } from '@/lib/server/alerts/assign-alert';
import { addAlertNote } from '@/lib/server/alerts/add-alert-note';
import { updatePolicy } from '@/lib/server/policies/update-policy';
import { getCurrentPolicy } from '@/lib/server/policies/get-current-policies';
import { updateToolOwnership } from '@/lib/server/inventory/update-tool-ownership';
import { DEFAULT_POLICIES } from '@/lib/domain/policy/defaults';
import { createPublisher, createRegistry, createTool } from '@/lib/testing/factories';

const t = withTestDatabase();

const ROLES: Role[] = ['ADMIN', 'COMPLIANCE_OFFICER', 'SECURITY_REVIEWER', 'AUDITOR'];
const PASSWORD = 'matrix passphrase 1';
let serial = 0;
const unique = (p: string) => `${p}-${++serial}`;

interface MutationCase<I = unknown> {
  name: string;
  /** The catalogue permission that decides who may; expected outcome per role follows can(role, permission). */
  permission: Permission;
  setup: () => Promise<I>;
  run: (actor: Actor, input: I) => Promise<unknown>;
}
const mutation = <I>(c: MutationCase<I>) => c as MutationCase;

async function newUser(role: Role = 'AUDITOR') {
  return createUser({
    actor: SYSTEM_ACTOR,
    input: { name: 'Target', email: `${unique('target')}@example.test`, role, password: PASSWORD },
  });
}

const MUTATIONS: MutationCase[] = [
  mutation({
    name: 'users/createUser',
    permission: 'user:manage',
    setup: async () => ({ name: 'New', email: `${unique('new')}@example.test`, role: 'AUDITOR' as const, password: PASSWORD }),
    run: (actor, input) => createUser({ actor, input }),
  }),
  mutation({
    name: 'users/updateUserRole',
    permission: 'user:manage',
    setup: async () => ({ userId: (await newUser()).id, role: 'SECURITY_REVIEWER' as const }),
    run: (actor, input) => updateUserRole({ actor, input }),
  }),
  mutation({
    name: 'users/setUserActive',
    permission: 'user:manage',
    setup: async () => ({ userId: (await newUser()).id, active: false }),
    run: (actor, input) => setUserActive({ actor, input }),
  }),
  mutation({
    name: 'users/resetUserPassword',
    permission: 'user:manage',
    setup: async () => ({ userId: (await newUser()).id, password: 'another passphrase' }),
    run: (actor, input) => resetUserPassword({ actor, input }),
  }),
  mutation({
    name: 'api-keys/createApiKey',
    permission: 'apiKey:manage',
    setup: async () => ({ name: unique('key'), scopes: ['ENFORCE' as const] }),
    run: (actor, input) => createApiKey({ actor, input }),
  }),
  mutation({
    name: 'api-keys/revokeApiKey',
    permission: 'apiKey:manage',
    setup: async () => ({
      id: (await createApiKey({ actor: adminActor(), input: { name: unique('key'), scopes: ['READ'] } })).id,
    }),
    run: (actor, input) => revokeApiKey({ actor, input }),
  }),
  mutation({
    name: 'change-requests/addAllowlistEntry',
    permission: 'allowlist:manage',
    setup: async () => ({ toolId: await newToolId(), environment: 'STAGING' as const, note: 'pre-approved' }),
    run: (actor, input) => addAllowlistEntry({ actor, input }),
  }),
  mutation({
    name: 'change-requests/revokeAllowlistEntry',
    permission: 'allowlist:manage',
    setup: async () => ({
      id: (
        await addAllowlistEntry({ actor: adminActor(), input: { toolId: await newToolId(), environment: 'STAGING', note: '' } })
      ).id,
    }),
    run: (actor, input) => revokeAllowlistEntry({ actor, input }),
  }),
  mutation({
    name: 'change-requests/decideAllowlistEntry',
    permission: 'allowlist:approve',
    // Added by the compliance officer, so every role allowed to approve is a second person.
    setup: async () => ({
      id: (
        await addAllowlistEntry({
          actor: actors.COMPLIANCE_OFFICER,
          input: { toolId: await newToolId(), environment: 'STAGING', note: '' },
        })
      ).id,
      decision: 'APPROVED' as const,
    }),
    run: (actor, input) => decideAllowlistEntry({ actor, input }),
  }),
  mutation({
    name: 'alerts/updateAlertState',
    permission: 'alert:manage',
    setup: async () => ({ id: (await newAlert()).id, action: 'acknowledge' as const }),
    run: (actor, input) => updateAlertState({ actor, input }),
  }),
  // Alert inbox (issue 11.5): an assignee who works alerts, and append-only notes.
  mutation({
    name: 'alerts/assignAlert',
    permission: 'alert:manage',
    setup: async () => ({ id: (await newAlert()).id, assigneeId: adminActor().id }),
    run: (actor, input) => assignAlert({ actor, input }),
  }),
  mutation({
    name: 'alerts/addAlertNote',
    permission: 'alert:manage',
    setup: async () => ({ id: (await newAlert()).id, body: 'Matrix note' }),
    run: (actor, input) => addAlertNote({ actor, input }),
  }),
  mutation({
    name: 'policies/updatePolicy',
    permission: 'policy:manage',
    setup: async () => {
      const current = await getCurrentPolicy('DEVELOPMENT', { fresh: true });
      // A different trust score each time, so every allowed save is a real change.
      return {
        ...DEFAULT_POLICIES.DEVELOPMENT,
        environment: 'DEVELOPMENT' as const,
        minTier: null,
        baseVersion: current.version,
        minTrustScore: serial++ % 100,
        changeNote: 'matrix change',
      };
    },
    run: (actor, input) => updatePolicy({ actor, input }),
  }),
  mutation({
    name: 'inventory/updateToolOwnership',
    permission: 'inventory:update',
    setup: async () => ({ toolId: await newToolId(), owner: unique('team'), dataClassification: 'CONFIDENTIAL' as const }),
    run: (actor, input) => updateToolOwnership({ actor, input }),
  }),
  // Others' operations go here (one entry each).
];

const adminActor = () => actors.ADMIN as Actor & { type: 'USER' };

async function newToolId(): Promise<string> {
  const prisma = await getPrisma();
  const registry = await createRegistry(prisma);
  const publisher = await createPublisher(prisma, { registryId: registry.id });
  return (await createTool(prisma, { registryId: registry.id, publisherId: publisher.id })).tool.id;
}

async function newAlert() {
  const prisma = await getPrisma();
  const key = unique('alert');
  return prisma.alert.create({ data: { kind: 'unknown-tool', severity: 'HIGH', title: key, detail: {}, dedupeKey: key } });
}

const actors = {} as Record<Role, Actor>;

const snapshot = () => snapshotTables(t.db());

beforeAll(async () => {
  const prisma = await getPrisma();
  const passwordHash = await hashPassword(PASSWORD);
  for (const role of ROLES) {
    const u = await prisma.user.create({ data: { email: `${role.toLowerCase()}@matrix.test`, name: role, role, passwordHash } });
    actors[role] = { type: 'USER', id: u.id, label: u.email, role };
  }
});

describe('authorization matrix (data layer)', () => {
  it('never gives the auditor a mutating permission', () => {
    for (const m of MUTATIONS) expect(can('AUDITOR', m.permission), m.name).toBe(false);
  });

  for (const m of MUTATIONS) {
    for (const role of ROLES) {
      const allowed = can(role, m.permission);
      it(`${m.name} as ${role} → ${allowed ? 'allowed' : 'refused, nothing written'}`, async () => {
        const input = await m.setup();
        const before = await snapshot();
        const outcome = await m.run(actors[role], input).then(
          () => 'ok' as const,
          (e: unknown) => e,
        );
        if (allowed) {
          expect(outcome).toBe('ok');
          expect(await snapshot()).not.toEqual(before);
        } else {
          expect(outcome).toBeInstanceOf(AppError);
          expect((outcome as AppError).status).toBe(403);
          expect(await snapshot()).toEqual(before);
        }
      });
    }
  }

  it('refuses API keys on dashboard operations', async () => {
    const key: Actor = { type: 'API_KEY', id: 'k1', label: 'gateway', scopes: ['ENFORCE', 'INGEST', 'READ'], agentId: null };
    for (const m of MUTATIONS) {
      const input = await m.setup();
      await expect(m.run(key, input), m.name).rejects.toMatchObject({ status: 403 });
    }
  });
});
