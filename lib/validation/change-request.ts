import { z } from 'zod';
import { zText } from './text';

const ENVIRONMENT = z.enum(['PRODUCTION', 'STAGING', 'DEVELOPMENT'], { error: 'Choose an environment' });
const KIND = z.enum(['NEW_TOOL', 'VERSION_UPDATE', 'PERMISSION_CHANGE', 'REMOVAL'], {
  error: 'Choose what kind of change this is',
});
const STATE = z.enum(['COMPLIANCE_REVIEW', 'SECURITY_REVIEW', 'APPROVED', 'REJECTED', 'DEPLOYED', 'WITHDRAWN']);
const id = (what: string) =>
  zText({ error: `Choose ${what}` })
    .trim()
    .min(1, `Choose ${what}`)
    .max(64, `${what} is not a valid id`);
const optionalId = zText()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : undefined));

// T…Input types are the input shapes (forms and API send them); every server operation parses again.
export const JUSTIFICATION_MIN = 20;

/**
 * A change request always concerns one agent (the unit of approval is the agent's installation
 * of one version). REMOVAL may name just the tool: the agent's installed version is looked up.
 */
export const ZCreateChangeRequestInput = z
  .object({
    kind: KIND,
    toolId: optionalId,
    toolVersionId: optionalId,
    agentId: id('an agent'),
    environment: ENVIRONMENT,
    justification: zText({ error: 'Explain why the change is needed' })
      .trim()
      .min(JUSTIFICATION_MIN, `Write at least ${JUSTIFICATION_MIN} characters of justification`)
      .max(4000, 'Keep the justification under 4000 characters'),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'REMOVAL' && !v.toolVersionId)
      ctx.addIssue({ code: 'custom', path: ['toolVersionId'], message: 'Choose the tool version to approve' });
    if (v.kind === 'REMOVAL' && !v.toolVersionId && !v.toolId)
      ctx.addIssue({ code: 'custom', path: ['toolId'], message: 'Choose the tool to remove' });
  });
export type TCreateChangeRequestInput = z.input<typeof ZCreateChangeRequestInput>;

export const ZDecideChangeRequestInput = z
  .object({
    id: id('a change request'),
    decision: z.enum(['APPROVED', 'REJECTED'], { error: 'Choose approve or reject' }),
    comment: zText({ multiline: true }).trim().max(4000, 'Keep the comment under 4000 characters').default(''),
    /** The stage the reviewer saw: if it was decided meanwhile, they get 409 instead of a decision on the next stage. */
    stage: z.enum(['COMPLIANCE', 'SECURITY']).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'REJECTED' && v.comment.length < 5) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say why you reject the request (at least 5 characters)' });
    }
  });
export type TDecideChangeRequestInput = z.input<typeof ZDecideChangeRequestInput>;

export const ZChangeRequestIdInput = z.object({ id: id('a change request') });
export type TChangeRequestIdInput = z.input<typeof ZChangeRequestIdInput>;

export const ZAddCommentInput = z.object({
  id: id('a change request'),
  body: zText({ error: 'Write a comment', multiline: true })
    .trim()
    .min(1, 'Write a comment')
    .max(4000, 'Keep the comment under 4000 characters'),
});
export type TAddCommentInput = z.input<typeof ZAddCommentInput>;

export const ZAllowlistEntryInput = z.object({
  toolId: id('a tool'),
  environment: ENVIRONMENT,
  note: zText({ multiline: true }).trim().max(500, 'Keep the note under 500 characters').default(''),
});
export type TAllowlistEntryInput = z.input<typeof ZAllowlistEntryInput>;

export const ZRevokeAllowlistEntryInput = z.object({ id: id('an allowlist entry') });
export type TRevokeAllowlistEntryInput = z.input<typeof ZRevokeAllowlistEntryInput>;

/** A security reviewer's decision on an allowlist entry someone else added. */
export const ZDecideAllowlistEntryInput = z
  .object({
    id: id('an allowlist entry'),
    decision: z.enum(['APPROVED', 'REJECTED'], { error: 'Choose approve or reject' }),
    comment: zText().trim().max(500, 'Keep the comment under 500 characters').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'REJECTED' && v.comment.length < 5) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say why you reject the entry (at least 5 characters)' });
    }
  });
export type TDecideAllowlistEntryInput = z.input<typeof ZDecideAllowlistEntryInput>;

/** The allowlist page: live entries (pending and approved) by default, paged. */
export const ZListAllowlistQuery = z.object({
  status: z.enum(['LIVE', 'PENDING', 'APPROVED', 'REJECTED', 'REVOKED'], { error: 'Unknown status' }).default('LIVE'),
  environment: ENVIRONMENT.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type TListAllowlistQuery = z.input<typeof ZListAllowlistQuery>;

/** Tools offered by the "pre-approve a tool" form: searched by name, at most `limit`. */
export const ZAllowlistToolChoicesQuery = z.object({
  q: zText().trim().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type TAllowlistToolChoicesQuery = z.input<typeof ZAllowlistToolChoicesQuery>;

/** The reviewer's inbox has no filters; the cap keeps one page bounded. */
export const ZInboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) });
export type TInboxQuery = z.input<typeof ZInboxQuery>;

/**
 * The new-request form's choices; `toolId` focuses one tool (all its versions, for updates).
 * The tool picker is a server-side search: `q` narrows the tools by name or registry id, at most `limit`.
 */
export const ZRequestFormOptionsQuery = z.object({
  toolId: optionalId,
  q: zText().trim().max(200, 'Search at most 200 characters').default(''),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TRequestFormOptionsQuery = z.input<typeof ZRequestFormOptionsQuery>;

const flag = z
  .union([z.boolean(), z.enum(['1', 'true', '0', 'false', ''])], { error: 'Use 1 or 0' })
  .optional()
  .transform((v) => v === true || v === '1' || v === 'true');

/** List filters, read from the URL (unknown values are errors, not silently ignored). */
export const ZListChangeRequestsQuery = z.object({
  state: z.union([STATE, z.literal('OPEN')], { error: 'Unknown state' }).optional(),
  kind: KIND.optional(),
  environment: ENVIRONMENT.optional(),
  mine: flag,
  overdue: flag,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type TListChangeRequestsQuery = z.input<typeof ZListChangeRequestsQuery>;

/** What the enforcement API passes when a registered agent tries to install a tool the inventory does not know. */
export const ZUnknownToolAttempt = z.object({
  agentId: id('an agent'),
  agentName: zText().trim().min(1).max(200),
  environment: ENVIRONMENT,
  toolName: zText().trim().min(1).max(300),
  version: zText().trim().min(1).max(100),
  artifactDigest: zText().trim().max(200).nullable(),
  policy: z.object({ id: zText().max(64).optional(), version: z.number().int().min(0) }),
});
export type TUnknownToolAttempt = z.input<typeof ZUnknownToolAttempt>;
