import { z } from 'zod';

export const ENVIRONMENTS = ['PRODUCTION', 'STAGING', 'DEVELOPMENT'] as const;

/** Days of invocation events kept for one environment (ADR 0012). */
export const ZSetEventRetentionInput = z.object({
  environment: z.enum(ENVIRONMENTS, { error: 'Use PRODUCTION, STAGING or DEVELOPMENT' }),
  days: z.coerce
    .number({ error: 'Days must be a number' })
    .int('Whole days only')
    .min(31, 'At least 31 days (a partition holds a month)')
    .max(3650, 'At most 3,650 days'),
});
export type TSetEventRetentionInput = z.input<typeof ZSetEventRetentionInput>;
