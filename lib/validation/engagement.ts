import { z } from 'zod';
import { ENVIRONMENTS } from '@/lib/domain/types';
import { AUDIT_CRITERIA, POPULATIONS } from '@/lib/domain/audits/populations';
import { SEED_PATTERN } from '@/lib/domain/audits/sampling';
import { zDay } from './day';
import { zText } from './text';
import { ZRecordId } from './inventory';
import { urlList, ZUrlPage } from './search-params';

// Forms send one value as a string and several as an array.
const asList = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

const ZEnvironment = z.enum(ENVIRONMENTS as readonly ['PRODUCTION', 'STAGING', 'DEVELOPMENT'], 'Choose an environment');
export const ZPopulation = z.enum(POPULATIONS, 'Choose a population');

export const ZCreateEngagementInput = z
  .object({
    name: zText().trim().min(1, 'Name the audit').max(120, 'Use at most 120 characters'),
    firm: zText().trim().min(1, 'Name the audit firm').max(120, 'Use at most 120 characters'),
    periodFrom: zDay(),
    periodTo: zDay(),
    environments: z.preprocess(asList, z.array(ZEnvironment).min(1, 'Choose at least one environment').max(3)),
    criteria: z.preprocess(
      asList,
      z.array(z.enum(AUDIT_CRITERIA, 'Unknown criterion')).min(1, 'Choose at least one criterion').max(AUDIT_CRITERIA.length),
    ),
    accessOpens: zDay(),
    accessCloses: zDay(),
    auditorIds: z.preprocess(asList, z.array(ZRecordId).min(1, 'Assign at least one auditor').max(20)),
  })
  .superRefine((v, ctx) => {
    if (v.periodTo < v.periodFrom)
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'The period ends before it starts' });
    if (v.accessCloses <= v.accessOpens)
      ctx.addIssue({ code: 'custom', path: ['accessCloses'], message: 'Access must close after it opens' });
  });
export type TCreateEngagementInput = z.input<typeof ZCreateEngagementInput>;

export const ZEngagementIdInput = z.object({ engagementId: ZRecordId });
export type TEngagementIdInput = z.infer<typeof ZEngagementIdInput>;

/** A population page's URL: environment and day range inside the audit's period; page. */
export const ZPopulationQuery = z.object({
  environment: urlList(ZEnvironment, 3),
  from: zDay().optional(),
  to: zDay().optional(),
  page: ZUrlPage.default(1),
});
export type TPopulationQuery = z.infer<typeof ZPopulationQuery>;

export const ZListPopulationInput = ZPopulationQuery.extend({ engagementId: ZRecordId, population: ZPopulation });
export type TListPopulationInput = z.input<typeof ZListPopulationInput>;

export const ZDrawSampleInput = z
  .object({
    engagementId: ZRecordId,
    population: ZPopulation,
    seed: zText()
      .trim()
      .regex(SEED_PATTERN, 'Use 1 to 64 letters, digits or . _ : - (no spaces), so the seed can be typed again'),
    sizeRule: z.enum(['chosen', 'aicpa'], 'Choose how the size is set'),
    size: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number('Enter a number').int('Use a whole number').optional()),
  })
  .superRefine((v, ctx) => {
    if (v.sizeRule === 'chosen' && v.size === undefined)
      ctx.addIssue({ code: 'custom', path: ['size'], message: 'Enter a sample size' });
  });
export type TDrawSampleInput = z.input<typeof ZDrawSampleInput>;

export const ZSampleIdInput = z.object({ engagementId: ZRecordId, sampleId: ZRecordId });
export type TSampleIdInput = z.infer<typeof ZSampleIdInput>;

export const ZOpenRequestInput = z.object({
  engagementId: ZRecordId,
  population: ZPopulation,
  recordId: ZRecordId,
  kind: z.enum(['REQUEST', 'FLAG'], 'Choose request or flag'),
  body: zText({ multiline: true }).trim().min(1, 'Say what you need or what you found').max(2000, 'Use at most 2000 characters'),
  dueDay: z.preprocess((v) => (v === '' ? undefined : v), zDay().optional()),
});
export type TOpenRequestInput = z.input<typeof ZOpenRequestInput>;

/** Files an officer attaches to an answer: at most this size, kept in the database. */
export const REPLY_FILE_MAX_BYTES = 512 * 1024;

const ZReplyFile = z.object({
  name: zText().trim().min(1).max(200, 'Use a file name of at most 200 characters'),
  type: zText().max(200),
  bytes: z
    .instanceof(Uint8Array)
    .refine((b) => b.byteLength > 0, 'The file is empty')
    .refine((b) => b.byteLength <= REPLY_FILE_MAX_BYTES, `Attach at most ${REPLY_FILE_MAX_BYTES / 1024} KB`),
});

const ZNote = zText({ multiline: true }).trim().min(1, 'Write a note').max(4000, 'Use at most 4000 characters');

export const ZAnswerRequestInput = z.object({ requestId: ZRecordId, note: ZNote, file: ZReplyFile.optional() });
export type TAnswerRequestInput = z.input<typeof ZAnswerRequestInput>;

export const ZFollowUpRequestInput = z.object({ requestId: ZRecordId, note: ZNote });
export type TFollowUpRequestInput = z.infer<typeof ZFollowUpRequestInput>;

export const ZRequestIdInput = z.object({ requestId: ZRecordId });
export type TRequestIdInput = z.infer<typeof ZRequestIdInput>;

export const ZReplyFileInput = z.object({ requestId: ZRecordId, replyId: ZRecordId });
export type TReplyFileInput = z.infer<typeof ZReplyFileInput>;

/** One criterion's workspace inside an audit. */
export const ZCriterionWorkspaceInput = z.object({
  engagementId: ZRecordId,
  criterionId: z.enum(AUDIT_CRITERIA, 'Unknown criterion'),
});
export type TCriterionWorkspaceInput = z.input<typeof ZCriterionWorkspaceInput>;
