import { z } from 'zod';
import { ZUrlDay } from './search-params';
import { zText } from './text';

/** The explorer's filters, shared by the page, GET /api/v1/events and the downloads. */
export const ZInvocationFilter = z.object({
  agent: zText().trim().max(200, 'Use at most 200 characters').optional(),
  tool: zText().trim().max(300, 'Use at most 300 characters').optional(),
  version: zText().trim().max(100, 'Use at most 100 characters').optional(),
  status: z.enum(['SUCCESS', 'ERROR', 'TIMEOUT', 'DENIED'], { error: 'Use SUCCESS, ERROR, TIMEOUT or DENIED' }).optional(),
  classification: z
    .enum(['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED'], { error: 'Use PUBLIC, INTERNAL, CONFIDENTIAL or RESTRICTED' })
    .optional(),
  approval: z
    .enum(['ALLOWED', 'NO_ALLOW', 'DENIED', 'UNKNOWN_SUBJECT'], { error: 'Use ALLOWED, NO_ALLOW, DENIED or UNKNOWN_SUBJECT' })
    .optional(),
  /** Event time (`timestamp`), whole UTC days. */
  from: ZUrlDay.optional(),
  to: ZUrlDay.optional(),
});
export type TInvocationFilter = z.infer<typeof ZInvocationFilter>;

/** Keyset cursor: the last row's event time (epoch ms) and chain position, `<ms>_<seq>`. */
export const ZInvocationCursor = zText().regex(/^\d{1,15}_\d{1,18}$/, 'Not a cursor from this list');

export const ZInvocationListInput = ZInvocationFilter.extend({
  before: ZInvocationCursor.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});
export type TInvocationListInput = z.input<typeof ZInvocationListInput>;
