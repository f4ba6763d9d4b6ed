import { z } from 'zod';
import { zText } from './text';

const emptyToNull = (v: unknown) => (v === '' || v === undefined || v === 'none' ? null : v);
// A checked box posts "on"; an unchecked one posts nothing. Objects may send real booleans.
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const ZPolicySettings = z.object({
  minTier: z.preprocess(
    emptyToNull,
    z.enum(['GOLD', 'VERIFIED', 'PARTIAL'], { error: 'Choose Gold, Verified, Partial or no minimum' }).nullable(),
  ),
  minTrustScore: z.preprocess(
    emptyToNull,
    z.coerce
      .number({ error: 'Enter a number from 0 to 100' })
      .int('Whole numbers only')
      .min(0, 'At least 0')
      .max(100, 'At most 100')
      .nullable(),
  ),
  maxNetwork: z.enum(['NONE', 'INTERNAL', 'EXTERNAL'], { error: 'Choose a network level' }),
  maxFilesystem: z.enum(['NONE', 'READ', 'WRITE'], { error: 'Choose a filesystem level' }),
  maxCodeExecution: z.enum(['NONE', 'SANDBOXED', 'UNRESTRICTED'], { error: 'Choose a code execution level' }),
  maxDataAccess: z.enum(['NONE', 'READ', 'READ_WRITE'], { error: 'Choose a data access level' }),
  reviewOnExternalNetwork: checkbox,
  reviewOnFilesystemWrite: checkbox,
  reviewOnCodeExecution: checkbox,
  requireVersionVerification: checkbox,
  maxVerificationAgeDays: z.preprocess(
    emptyToNull,
    z.coerce
      .number({ error: 'Enter a number of days' })
      .int('Whole days only')
      .min(1, 'At least 1 day')
      .max(3650, 'At most 3650 days')
      .nullable(),
  ),
  logUnverified: checkbox,
  gatewayFailOpen: checkbox,
  maxExceptionDays: z.coerce
    .number({ error: 'Enter a number of days' })
    .int('Whole days only')
    .min(1, 'At least 1 day')
    .max(730, 'At most 730 days'),
  /** Omitted (older callers): the current policy's threshold stays. */
  anomalyThreshold: z.coerce
    .number({ error: 'Enter a number such as 3.5' })
    .min(2, 'At least 2 (lower flags ordinary variation)')
    .max(50, 'At most 50')
    .optional(),
});

export const ZUpdatePolicyInput = ZPolicySettings.extend({
  environment: z.enum(['PRODUCTION', 'STAGING', 'DEVELOPMENT'], { error: 'Unknown environment' }),
  /** The version the editor started from: a concurrent change makes the save fail instead of overwriting it. */
  baseVersion: z.coerce.number({ error: 'baseVersion is required' }).int().min(0),
  changeNote: zText({ error: 'Say why the policy changes', multiline: true })
    .trim()
    .min(5, 'Say why the policy changes (at least 5 characters)')
    .max(500, 'At most 500 characters'),
});

export type TUpdatePolicyInput = z.infer<typeof ZUpdatePolicyInput>;

/** One environment's policy history (newest first, at most `limit` versions). */
export const ZPolicyVersionsQuery = z.object({
  environment: z.enum(['PRODUCTION', 'STAGING', 'DEVELOPMENT'], { error: 'Unknown environment' }),
  limit: z.number().int().min(1).max(500).default(100),
});
export type TPolicyVersionsQuery = z.infer<typeof ZPolicyVersionsQuery>;
