import { z } from 'zod';
import { zText } from './text';
import { zDay } from './day';
import { ZRecordId } from './inventory';
import { RISK_BANDS, TREATMENTS } from '@/lib/domain/risk/score';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A 1–5 grid value from a form (a string) or JSON (a number). */
const level = (what: string) =>
  z.coerce
    .number({ error: `${what} must be a number from 1 to 5` })
    .int(`${what} must be a whole number from 1 to 5`)
    .min(1, `${what} is at least 1`)
    .max(5, `${what} is at most 5`);

const reason = z.preprocess(
  blankToUndefined,
  zText({ multiline: true }).trim().max(1000, 'Use at most 1000 characters').optional(),
);

/** One (re)assessment of a tool's risk, as the form and the API send it. */
export const ZAssessRiskInput = z.object({
  toolId: ZRecordId,
  toolVersionId: z.preprocess(blankToUndefined, ZRecordId.optional()),
  likelihood: level('Likelihood'),
  impact: level('Impact'),
  likelihoodReason: reason,
  impactReason: reason,
  controls: zText({ multiline: true }).trim().max(2000, 'Use at most 2000 characters').default(''),
  residualLikelihood: level('Residual likelihood'),
  residualImpact: level('Residual impact'),
  treatment: z.enum(TREATMENTS, { error: `Choose a treatment: ${TREATMENTS.join(', ').toLowerCase()}` }),
  owner: zText({ error: 'Name the risk owner' }).trim().min(1, 'Name the risk owner').max(200, 'Use at most 200 characters'),
  /** Empty: the default interval for the residual band. */
  nextReviewOn: z.preprocess(blankToUndefined, zDay().optional()),
  /** The assessment the form started from (none for a first one): a reassessment meanwhile is a conflict. */
  previousId: z.preprocess(blankToUndefined, ZRecordId.optional()),
});
export type TAssessRiskInput = z.input<typeof ZAssessRiskInput>;

const flag = z.preprocess((v) => v === true || v === '1' || v === 'true' || v === 'on', z.boolean()).default(false);

/** The risk register's filters as they appear in the URL. */
export const ZRiskRegisterQuery = z.object({
  q: zText().trim().max(200, 'Search at most 200 characters').optional(),
  band: z.enum(RISK_BANDS, { error: `Unknown rating. Use one of: ${RISK_BANDS.join(', ')}` }).optional(),
  treatment: z.enum(TREATMENTS, { error: `Unknown treatment. Use one of: ${TREATMENTS.join(', ')}` }).optional(),
  minResidual: z.coerce
    .number({ error: 'Minimum residual score must be a number' })
    .int('Minimum residual score must be a whole number')
    .min(1, 'Minimum residual score is at least 1')
    .max(25, 'Minimum residual score is at most 25')
    .optional(),
  overdue: flag,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type TRiskRegisterQuery = z.input<typeof ZRiskRegisterQuery>;

export const ZToolRiskInput = z.object({ toolId: ZRecordId });
export type TToolRiskInput = z.input<typeof ZToolRiskInput>;
