import { ENVIRONMENTS, type Environment } from '@/lib/domain/types';

/** URL segment ↔ environment: /policies/production. */
export function environmentFromSlug(slug: string): Environment | null {
  const upper = slug.toUpperCase();
  return (ENVIRONMENTS as readonly string[]).includes(upper) ? (upper as Environment) : null;
}

export const slugOf = (e: Environment) => e.toLowerCase();
