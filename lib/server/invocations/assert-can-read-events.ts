import 'server-only';
import type { Permission } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/server/actor';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { forbidden } from '@/lib/server/errors';

/**
 * Invocation events are read by people with the permission and by API keys with the read scope
 * (SIEM export); assertActorCan alone refuses every key, so keys are checked here.
 */
export function assertCanReadEvents(
  actor: Actor,
  permission: Extract<Permission, `invocation:${string}` | 'audit:verify'>,
): void {
  if (actor.type === 'API_KEY') {
    if (actor.scopes.includes('READ')) return;
    throw forbidden('This API key lacks the read scope');
  }
  assertActorCan(actor, permission);
}
