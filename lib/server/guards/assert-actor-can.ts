import 'server-only';
import { can, type Permission } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/server/actor';
import { forbidden } from '@/lib/server/errors';

/**
 * The data layer's own check (the second line behind authAction/withSession): a mutating
 * lib/server operation calls it first, so a caller that forgot its guard still cannot
 * act beyond the actor's role. SYSTEM (seeding, jobs) may do anything; API keys carry
 * scopes, not dashboard permissions, so they are refused here.
 */
export function assertActorCan(actor: Actor, permission: Permission): void {
  if (actor.type === 'SYSTEM') return;
  if (actor.type === 'USER' && can(actor.role, permission)) return;
  throw forbidden(`Your role may not ${permission.replace(':', ' → ')}`);
}
