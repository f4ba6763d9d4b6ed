import type { ApiKeyScope, Role } from '@prisma/client';

/** Who is doing something: written into every audit record. */
export type Actor =
  | { type: 'USER'; id: string; label: string; role: Role }
  | { type: 'API_KEY'; id: string; label: string; scopes: ApiKeyScope[]; agentId: string | null }
  | { type: 'SYSTEM'; label: string };

export const SYSTEM_ACTOR: Actor = { type: 'SYSTEM', label: 'system' };
