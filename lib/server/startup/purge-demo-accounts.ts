import 'server-only';
import { recordAuditEvents, type AuditEntry } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZPurgeDemoAccountsInput, type TPurgeDemoAccountsInput } from '@/lib/validation/demo-purge';
import { findDemoLeftovers } from './demo-leftovers';

/**
 * `npm run demo:purge`: makes the demo accounts and keys useless before a real deployment.
 * Users and keys are not deleted (the audit trail, approvals and enforcement decisions name
 * them, and those are append-only): each account is deactivated with its password cleared,
 * each key revoked, and every change is an audit record, all in one transaction.
 */
export async function purgeDemoAccounts({ actor, input }: OperationCall<TPurgeDemoAccountsInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'user:manage');
  assertActorCan(actor, 'apiKey:manage');
  parseInput(ZPurgeDemoAccountsInput, input);
  return db.$transaction(async (tx) => {
    const { users, keys } = await findDemoLeftovers(tx);
    const entries: AuditEntry[] = [];
    for (const u of users) {
      await tx.user.update({ where: { id: u.id }, data: { active: false, passwordHash: null } });
      entries.push({
        action: 'user.deactivated',
        entityType: 'User',
        entityId: u.id,
        before: { email: u.email, active: u.active, hasPassword: u.passwordHash !== null },
        after: { email: u.email, active: false, hasPassword: false, reason: 'demo purge' },
      });
    }
    for (const k of keys) {
      await tx.apiKey.update({ where: { id: k.id }, data: { revokedAt: now } });
      entries.push({
        action: 'apiKey.revoked',
        entityType: 'ApiKey',
        entityId: k.id,
        before: { name: k.name, prefix: k.prefix, revokedAt: null },
        after: { revokedAt: now, reason: 'demo purge' },
      });
    }
    await recordAuditEvents(tx, actor, entries);
    return { users: users.map((u) => u.email), keys: keys.map((k) => k.prefix) };
  });
}
