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
