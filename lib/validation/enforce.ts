import { z } from 'zod';
import { zText } from './text';
import { ZUrlDay } from './search-params';

/** Largest enforce request body accepted (bytes): the real payload is a few hundred bytes. */
export const ENFORCE_MAX_BODY_BYTES = 4 * 1024;

const ZName = (what: string, max: number) =>
  zText({ error: `${what} is required` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`);

/** sha256:<hex>, sha512-<base64> (npm SRI), OCI digests. */
export const ZArtifactDigest = zText()
  .trim()
  .max(200, 'artifactDigest must be at most 200 characters')
  .regex(/^[a-z0-9]+[:-][A-Za-z0-9+/=_-]{16,}$/, 'artifactDigest must look like sha256:<hex> or sha512-<base64>');

export const ZEnforceRequest = z.strictObject({
  agent: ZName('agent', 200).describe('Agent name as registered in ToolLedger, e.g. support-agent-prod-01'),
  tool: ZName('tool', 300).describe('Tool name or the registry identifier (externalId)'),
  registry: ZName('registry', 100).optional().describe('Registry name, to disambiguate tools with the same name'),
  version: ZName('version', 100).describe('Exact tool version, e.g. 2.1.0'),
  action: z.enum(['install', 'invoke'], { error: 'action must be "install" or "invoke"' }),
  artifactDigest: ZArtifactDigest.optional().describe('Digest of the artifact the agent is about to run'),
  requestId: zText().trim().min(1).max(200).optional().describe('Client correlation id, echoed back'),
});

export type TEnforceRequest = z.infer<typeof ZEnforceRequest>;

export const ZDecisionReason = z.object({
  code: zText().describe('Stable machine code, e.g. policy-violation, not-installed, unknown-tool'),
  message: zText().describe('Reason a person can read'),
  rule: zText().optional().describe('Policy rule key when the reason comes from the policy'),
  exceptionId: zText().optional(),
  incidentId: zText().optional().describe('Incident whose quarantine denies the call (code incident-quarantine)'),
});

export const ZEnforceResponse = z.object({
  decision: z.enum(['allow', 'deny']),
  decisionId: zText().describe('Id of the logged EnforcementDecision'),
  reasons: z.array(ZDecisionReason),
  environment: z.enum(['PRODUCTION', 'STAGING', 'DEVELOPMENT']).nullable(),
  policy: z.object({ id: zText().nullable(), version: z.number().int() }).nullable(),
  exceptionId: zText().nullable().describe('Exception used to cover failed policy rules, if any'),
  changeRequestId: zText().nullable().describe('Change request opened for a denied install of an unknown tool'),
  logUnverified: z.boolean().describe('Allowed, but the use of an unverified version is logged'),
  // Optional so a newer gateway still reads an older ToolLedger's answers (its own option decides then).
  failMode: z
    .enum(['open', 'closed'])
    .nullable()
    .optional()
    .describe("What this environment's gateways do while ToolLedger is unreachable (its policy); null for an unknown agent"),
  requestId: zText().nullable(),
});

export type TEnforceResponse = z.infer<typeof ZEnforceResponse>;

export const ZErrorResponse = z.object({
  error: zText(),
  code: zText(),
  issues: z.array(z.object({ path: zText(), message: zText() })).optional(),
});

/**
 * Enforcement log filters from the URL, read by parseSearchParams: a bad field is reported on
 * the page and dropped, never a 500 (2026-13-01 used to reach `new Date` and throw).
 */
export const ZEnforcementLogFilter = z.object({
  outcome: z.enum(['ALLOW', 'DENY'], { error: 'Use ALLOW or DENY' }).optional(),
  action: z.enum(['INSTALL', 'INVOKE'], { error: 'Use INSTALL or INVOKE' }).optional(),
  agent: zText().trim().max(200, 'Use at most 200 characters').optional(),
  tool: zText().trim().max(300, 'Use at most 300 characters').optional(),
  from: ZUrlDay.optional(),
  to: ZUrlDay.optional(),
  before: zText()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a record id')
    .optional(),
});
export type TEnforcementLogFilter = z.infer<typeof ZEnforcementLogFilter>;

export const ZHealthResponse = z.object({ ok: z.literal(true) });
