import { z } from 'zod';
import { zText } from './text';
import { zDay } from './day';

/** Building an evidence pack: the period (UTC days, inclusive) and an optional scope. */
export const ZBuildEvidencePackInput = z.object({
  from: zDay(),
  to: zDay(),
  environments: z
    .array(z.enum(['PRODUCTION', 'STAGING', 'DEVELOPMENT']))
    .max(3)
    .default([]),
  toolIds: z.array(zText().min(1).max(64)).max(500).default([]),
});
export type TBuildEvidencePackInput = z.input<typeof ZBuildEvidencePackInput>;

/** The in-app build (issue 13): the same period and scope, optionally for an audit engagement. */
export const ZRequestEvidencePackBuildInput = ZBuildEvidencePackInput.extend({
  engagementId: zText().trim().min(1).max(64).optional(),
});
export type TRequestEvidencePackBuildInput = z.input<typeof ZRequestEvidencePackBuildInput>;

export const ZEvidencePackBuildIdInput = z.object({ buildId: zText().trim().min(1).max(64) });
export type TEvidencePackBuildIdInput = z.input<typeof ZEvidencePackBuildIdInput>;

export const ZListEvidencePackBuildsInput = z.object({
  engagementId: zText().trim().min(1).max(64).optional(),
  take: z.coerce.number().int().min(1).max(100).default(25),
});
export type TListEvidencePackBuildsInput = z.input<typeof ZListEvidencePackBuildsInput>;

export const ZEngagementPacksInput = z.object({ engagementId: zText().trim().min(1).max(64) });
export type TEngagementPacksInput = z.input<typeof ZEngagementPacksInput>;

/** Largest archive the upload page checks (the whole archive is held in memory while checked). */
export const VERIFY_UPLOAD_MAX_BYTES = 100 * 1024 * 1024;

/** An uploaded pack to verify: its name (for the audit record) and bytes. */
export const ZVerifyEvidencePackInput = z.object({
  name: zText().trim().min(1, 'Choose a pack (.zip) to verify').max(200, 'Use a file name of at most 200 characters'),
  bytes: z
    .instanceof(Uint8Array, { message: 'Choose a pack (.zip) to verify' })
    .refine((b) => b.byteLength > 0, 'The file is empty')
    .refine((b) => b.byteLength <= VERIFY_UPLOAD_MAX_BYTES, `Upload at most ${VERIFY_UPLOAD_MAX_BYTES / 1024 / 1024} MB`),
});
export type TVerifyEvidencePackInput = z.input<typeof ZVerifyEvidencePackInput>;
