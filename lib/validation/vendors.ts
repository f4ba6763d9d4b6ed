import { z } from 'zod';
import { zText } from './text';
import { zDay } from './day';
import { ZRecordId } from './inventory';
import { VENDOR_CONCLUSIONS, VENDOR_RATINGS } from '@/lib/domain/vendors/review';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const reason = z.preprocess(
  blankToUndefined,
  zText({ multiline: true }).trim().max(1000, 'Use at most 1000 characters').optional(),
);
const flag = z.preprocess((v) => v === true || v === '1' || v === 'true' || v === 'on', z.boolean()).default(false);

/** What a publisher review and a registry review share: the reviewer's rating, conclusion, owner and next day. */
const review = {
  rating: z.enum(VENDOR_RATINGS, { error: `Choose a rating: ${VENDOR_RATINGS.join(', ').toLowerCase()}` }),
  ratingReason: reason,
  conclusion: z.enum(VENDOR_CONCLUSIONS, { error: 'Choose a conclusion: approved, approved with conditions or not approved' }),
  conclusionReason: reason,
  /** The conclusion in words; required unless plainly approved (checked in the operation). */
  notes: zText({ multiline: true }).trim().max(4000, 'Use at most 4000 characters').default(''),
  owner: zText({ error: 'Name the owner of the vendor relationship' })
    .trim()
    .min(1, 'Name the owner of the vendor relationship')
    .max(200, 'Use at most 200 characters'),
  /** Empty: the default interval for the rating. */
  nextReviewOn: z.preprocess(blankToUndefined, zDay().optional()),
  /** The review the form started from (none for a first one): a re-review meanwhile is a conflict. */
  previousId: z.preprocess(blankToUndefined, ZRecordId.optional()),
};

/** One (re)review of a publisher, as the form and the API send it. */
export const ZReviewPublisherInput = z.object({
  publisherId: ZRecordId,
  /** The reviewer confirms (or not) the organizational identity the registry verified. */
  identityConfirmed: flag,
  ...review,
});
export type TReviewPublisherInput = z.input<typeof ZReviewPublisherInput>;

const statement = (what: string) =>
  zText({ multiline: true, error: `Say ${what}` })
    .trim()
    .min(1, `Say ${what}`)
    .max(4000, 'Use at most 4000 characters');

/** One (re)review of a registry. */
export const ZReviewRegistryInput = z.object({
  registryId: ZRecordId,
  verification: statement('how the registry verifies what it lists'),
  signing: statement('what the registry signs (or that it signs nothing)'),
  ...review,
});
export type TReviewRegistryInput = z.input<typeof ZReviewRegistryInput>;

export const VENDOR_REVIEW_STATUSES = ['NOT_REVIEWED', 'CURRENT', 'OVERDUE'] as const;

/** The publisher and registry review lists' filters as they appear in the URL. */
export const ZVendorReviewQuery = z.object({
  q: zText().trim().max(200, 'Search at most 200 characters').optional(),
  status: z
    .enum(VENDOR_REVIEW_STATUSES, { error: `Unknown review status. Use one of: ${VENDOR_REVIEW_STATUSES.join(', ')}` })
    .optional(),
  rating: z.enum(VENDOR_RATINGS, { error: `Unknown rating. Use one of: ${VENDOR_RATINGS.join(', ')}` }).optional(),
  conclusion: z
    .enum(VENDOR_CONCLUSIONS, { error: `Unknown conclusion. Use one of: ${VENDOR_CONCLUSIONS.join(', ')}` })
    .optional(),
  /** Publishers only: those with a tool an agent uses. */
  inUse: flag,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type TVendorReviewQuery = z.input<typeof ZVendorReviewQuery>;

export const ZPublisherReviewInput = z.object({ publisherId: ZRecordId });
export type TPublisherReviewInput = z.input<typeof ZPublisherReviewInput>;
export const ZRegistryReviewInput = z.object({ registryId: ZRecordId });
export type TRegistryReviewInput = z.input<typeof ZRegistryReviewInput>;
