import type { PrismaClient } from '@prisma/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { setEventRetention } from '@/lib/server/invocations/set-event-retention';

/**
 * Demo retention per environment, through the real operation (audited): production kept a year,
 * staging a quarter, development a month. No webhook endpoint is seeded: the demo has nowhere
 * harmless to send alerts to.
 */
export const DEMO_EVENT_RETENTION = { PRODUCTION: 365, STAGING: 90, DEVELOPMENT: 31 } as const;

export async function seedEventRetention(prisma: PrismaClient): Promise<void> {
  for (const [environment, days] of Object.entries(DEMO_EVENT_RETENTION))
    await setEventRetention(
      { actor: SYSTEM_ACTOR, input: { environment: environment as keyof typeof DEMO_EVENT_RETENTION, days } },
      { db: prisma },
    );
}
