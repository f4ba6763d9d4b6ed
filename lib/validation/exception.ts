import { z } from 'zod';
import { isPolicyRule, POLICY_RULES, type PolicyRule } from '@/lib/domain/policy/types';
import { zDay } from './day';
import { zText } from './text';

const ENVIRONMENT = z.enum(['PRODUCTION', 'STAGING', 'DEVELOPMENT'], { error: 'Choose an environment' });
const id = (what: string) =>
  zText({ error: `Choose ${what}` })
    .trim()
    .min(1, `Choose ${what}`)
    .max(64, `${what} is not a valid id`);
const optionalText = (max: number) =>
  zText()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));
const prose = (what: string, min: number) =>
  zText({ error: `Describe the ${what}`, multiline: true })
    .trim()
    .min(min, `Describe the ${what} (at least ${min} characters)`)
    .max(4000, `Keep the ${what} under 4000 characters`);
// A form posts one checkbox value per rule: a single string or several.
const RULES = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(zText().max(40), { error: 'Choose the rules the exception covers' })
    .min(1, 'Choose the rules the exception covers')
    .max(POLICY_RULES.length)
    // Checked as a whole so the message lands on the field, not on one checkbox.
    .refine((rules) => rules.every(isPolicyRule), 'Unknown policy rule')
    .transform((rules) => [...new Set(rules)] as PolicyRule[]),
);

/**
 * A request for an exception: one tool in one environment, for one version (toolVersionId) or a
 * semver range of its versions (versionRange), and the failed rules it should cover.
 */
export const ZRequestExceptionInput = z
  .object({
    toolId: id('a tool'),
    environment: ENVIRONMENT,
    toolVersionId: optionalText(64),
    versionRange: optionalText(100),
    rules: RULES,
    justification: prose('business justification', 20),
    compensatingControls: prose('compensating controls', 10),
    remediationPlan: prose('remediation plan', 10),
    remediationDate: zDay(),
    expiresAt: zDay(),
    /** The approved exception this request extends (its coverage stands until this one is approved). */
    extendsId: optionalText(64),
  })
  .superRefine((v, ctx) => {
    if (!v.toolVersionId && !v.versionRange)
      ctx.addIssue({ code: 'custom', path: ['toolVersionId'], message: 'Choose a version or enter a version range' });
    if (v.toolVersionId && v.versionRange)
      ctx.addIssue({ code: 'custom', path: ['versionRange'], message: 'Choose a version or a range, not both' });
  });
export type TRequestExceptionInput = z.input<typeof ZRequestExceptionInput>;

export const ZDecideExceptionInput = z
  .object({
    id: id('an exception'),
    decision: z.enum(['APPROVED', 'REJECTED'], { error: 'Choose approve or reject' }),
    comment: zText({ multiline: true }).trim().max(4000, 'Keep the comment under 4000 characters').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'REJECTED' && v.comment.length < 5)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say why you reject the exception (at least 5 characters)' });
  });
export type TDecideExceptionInput = z.input<typeof ZDecideExceptionInput>;

export const ZRevokeExceptionInput = z.object({
  id: id('an exception'),
  reason: zText({ error: 'Say why the exception is revoked', multiline: true })
    .trim()
    .min(5, 'Say why the exception is revoked (at least 5 characters)')
    .max(2000, 'Keep the reason under 2000 characters'),
});
export type TRevokeExceptionInput = z.input<typeof ZRevokeExceptionInput>;

export const ZExceptionIdInput = z.object({ id: id('an exception') });

export const EXCEPTION_STANDINGS = ['requested', 'reopened', 'approved', 'expiring', 'expired', 'rejected', 'revoked'] as const;

/** /exceptions: the register's filters (URL state). */
export const ZListExceptionsQuery = z.object({
  q: zText().trim().max(100, 'Use at most 100 characters').optional(),
  standing: z.enum(EXCEPTION_STANDINGS, { error: 'Unknown status' }).optional(),
  environment: ENVIRONMENT.optional(),
  toolId: zText()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id')
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type TListExceptionsQuery = z.input<typeof ZListExceptionsQuery>;

/** /exceptions/new: what the form starts from (the compliance matrix links with all three). */
export const ZExceptionFormQuery = z.object({
  toolId: zText().trim().max(64).optional(),
  toolVersionId: zText().trim().max(64).optional(),
  environment: ENVIRONMENT.optional(),
  extendsId: zText().trim().max(64).optional(),
});
export type TExceptionFormQuery = z.input<typeof ZExceptionFormQuery>;
