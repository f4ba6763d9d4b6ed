import { z } from 'zod';
import { zText } from './text';

/** Largest definitions report accepted (bytes): a server with hundreds of tools stays well under. */
export const DEFINITIONS_MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_DEFINITIONS = 1000;

const ZName = (what: string, max: number) =>
  zText({ error: `${what} is required` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`);

/** One tool as MCP's tools/list returns it; other fields (annotations, title) are not hashed. */
export const ZReportedDefinition = z.object({
  name: ZName('name', 200),
  // Tool descriptions are prose over several lines; only other control characters are refused.
  description: zText({ multiline: true }).max(100_000).nullish(),
  inputSchema: z.unknown().optional(),
});

export const ZReportToolDefinitions = z.strictObject({
  agent: ZName('agent', 200).describe('Agent name as registered in ToolLedger'),
  tool: ZName('tool', 300).describe('Tool name or the registry identifier (externalId)'),
  registry: ZName('registry', 100).optional(),
  version: ZName('version', 100),
  definitions: z
    .array(ZReportedDefinition)
    .max(MAX_DEFINITIONS, `definitions must list at most ${MAX_DEFINITIONS} tools`)
    .describe("The server's tools as its tools/list returned them"),
});
export type TReportToolDefinitions = z.infer<typeof ZReportToolDefinitions>;

export const ZScanFinding = z.object({
  rule: zText(),
  label: zText(),
  severity: z.enum(['CRITICAL', 'HIGH', 'MEDIUM']),
  explanation: zText(),
  tool: zText(),
  field: zText(),
  text: zText({ multiline: true }),
  matches: z.array(z.object({ start: z.number().int(), end: z.number().int(), text: zText({ multiline: true }) })),
});

export const ZReportToolDefinitionsResponse = z.object({
  reportId: zText(),
  hash: zText().describe('Hex SHA-256 over the canonical definitions'),
  pinnedHash: zText().nullable().describe("The version's pinned definitions hash it was compared with"),
  verdict: z.enum(['MATCH', 'FIRST_SEEN', 'CHANGED']),
  /** The gateway refuses every call while this is false. */
  accepted: z.boolean().describe('False when the definitions differ from the pinned ones or hold a critical finding'),
  findings: z.array(ZScanFinding),
  declaredPermissions: z.array(zText()).describe("The version's declared permissions as dimension:level"),
});
export type TReportToolDefinitionsResponse = z.infer<typeof ZReportToolDefinitionsResponse>;

export const ZVerificationQuery = z.strictObject({
  tool: ZName('tool', 300),
  version: ZName('version', 100),
  registry: ZName('registry', 100).optional(),
});

export const ZVerificationStatus = z.object({
  tool: zText(),
  registry: zText(),
  version: zText(),
  tier: zText(),
  trustScore: z.number().int().nullable(),
  verificationState: zText(),
  lastVerifiedAt: zText().nullable(),
  toolDefsHash: zText().nullable(),
  quarantined: z.boolean(),
  declaredPermissions: z.array(zText()),
  latestDefinitionReport: z
    .object({ reportedAt: zText(), verdict: zText(), worstSeverity: zText().nullable(), hash: zText() })
    .nullable(),
});
export type TVerificationStatus = z.infer<typeof ZVerificationStatus>;
