import { z } from 'zod';
import {
  AGENTNODE_CODE_EXECUTION,
  AGENTNODE_DATA_ACCESS,
  AGENTNODE_FILESYSTEM,
  AGENTNODE_NETWORK,
  AGENTNODE_USER_APPROVAL,
} from './agentnode-permissions';

/**
 * AgentNode response shapes (shared/AGENTNODE-API.md), only the fields the connector reads.
 * Enums we map are strict: an unknown permission word must stop that package with a readable
 * reason, never be guessed. Extra fields pass through untouched.
 */
const ZTimestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO timestamp');
const ZStepStatus = z.enum(['passed', 'failed', 'skipped', 'error', 'not_present', 'inconclusive', 'not_executed']);
export const ZTrustLevel = z.enum(['unverified', 'verified', 'trusted', 'curated']);

export const ZSearchResponse = z.object({
  hits: z.array(
    z.object({
      slug: z.string().min(1),
      name: z.string(),
      package_type: z.enum(['agent', 'toolpack', 'upgrade']),
      publisher_slug: z.string().min(1),
      latest_version: z.string().nullable().optional(),
      is_deprecated: z.boolean().optional(),
    }),
  ),
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  per_page: z.number().int(),
});

const ZBlockPermissions = z.object({
  network_level: z.enum(AGENTNODE_NETWORK),
  filesystem_level: z.enum(AGENTNODE_FILESYSTEM),
  code_execution_level: z.enum(AGENTNODE_CODE_EXECUTION),
  data_access_level: z.enum(AGENTNODE_DATA_ACCESS),
  user_approval_level: z.enum(AGENTNODE_USER_APPROVAL),
});

export const ZInstallPermissions = ZBlockPermissions.extend({
  allowed_domains: z.array(z.string()).default([]),
  external_integrations: z.array(z.unknown()).default([]),
});

export const ZVerificationInfo = z.object({
  status: z.string(),
  last_verified_at: ZTimestamp.nullable().optional(),
  steps: z.array(z.object({ name: z.string(), status: ZStepStatus, duration_ms: z.number().nullable().optional() })).default([]),
  score: z.number().min(0).max(100).nullable().optional(),
  tier: z.enum(['gold', 'verified', 'partial', 'unverified']).nullable().optional(),
  confidence: z.enum(['high', 'medium', 'low']).nullable().optional(),
  smoke_reason: z.string().nullable().optional(),
  // The docs list real | mock | limited; the scorer also writes cases_real, fixture and real_auto.
  // Any word is kept: the tier rule (lib/domain/tiers capTier) treats an unknown one as not real.
  verification_mode: z.string().nullable().optional(),
  /** The scorer's ScoreResult dict ({score, tier, confidence, breakdown:{step:{points,max,reason}}}). */
  score_breakdown: z.unknown().optional(),
});

export const ZPackageDetail = z.object({
  slug: z.string().min(1),
  name: z.string(),
  package_type: z.enum(['agent', 'toolpack', 'upgrade']),
  summary: z.string(),
  description: z.string().nullable().optional(),
  publisher: z.object({ slug: z.string().min(1), display_name: z.string(), trust_level: ZTrustLevel }),
  latest_version: z
    .object({ version_number: z.string().min(1), channel: z.enum(['stable', 'beta']), published_at: ZTimestamp })
    .nullable(),
  is_deprecated: z.boolean(),
  quarantine_status: z.string().nullable().optional(),
  blocks: z.object({
    capabilities: z.array(
      z.object({
        name: z.string(),
        capability_id: z.string(),
        description: z.string().nullable().optional(),
        input_schema: z.record(z.string(), z.unknown()).nullable().optional(),
      }),
    ),
    compatibility: z.object({ runtime: z.string().optional() }).partial().optional(),
    permissions: ZBlockPermissions.nullable(),
    trust: z.object({
      signature_present: z.boolean(),
      provenance_present: z.boolean(),
      security_findings_count: z.number().optional(),
    }),
  }),
  source_url: z.string().nullable().optional(),
  verification: ZVerificationInfo.nullable().optional(),
});
export type TPackageDetail = z.infer<typeof ZPackageDetail>;

export const ZVersionsResponse = z.object({
  versions: z.array(
    z.object({
      version_number: z.string().min(1),
      channel: z.string(),
      published_at: ZTimestamp,
      verification_status: z.string().nullable().optional(),
    }),
  ),
  total: z.number().int().nullable().optional(),
  page: z.number().int().nullable().optional(),
  per_page: z.number().int().nullable().optional(),
});

export const ZVerificationRun = z.object({
  status: z.enum(['pending', 'running', 'passed', 'failed', 'error', 'skipped']),
  started_at: ZTimestamp.nullable().optional(),
  completed_at: ZTimestamp.nullable().optional(),
  install_status: ZStepStatus.nullable().optional(),
  import_status: ZStepStatus.nullable().optional(),
  smoke_status: ZStepStatus.nullable().optional(),
  tests_status: ZStepStatus.nullable().optional(),
  error_summary: z.string().nullable().optional(),
  warnings_count: z.number().nullable().optional(),
  triggered_by: z.string().nullable().optional(),
  verification_run_count: z.number().nullable().optional(),
  last_verified_at: ZTimestamp.nullable().optional(),
});
export type TVerificationRun = z.infer<typeof ZVerificationRun>;

export const ZInstallInfo = z.object({
  permissions: ZInstallPermissions,
  artifact: z
    .object({ hash_sha256: z.string().regex(/^[0-9a-f]{64}$/i, 'must be a hex SHA-256'), size_bytes: z.number().optional() })
    .nullable(),
  verification_status: z.string().nullable().optional(),
  verification_tier: z.string().nullable().optional(),
  verification_score: z.number().nullable().optional(),
});
export type TInstallInfo = z.infer<typeof ZInstallInfo>;

export const ZTrustResponse = z.object({
  signature_present: z.boolean(),
  signature_verified: z.boolean().nullable().optional(),
  provenance_present: z.boolean(),
  provenance_verified: z.boolean().nullable().optional(),
  source_repo: z.string().nullable().optional(),
  quarantine_status: z.string().nullable().optional(),
});
export type TTrustResponse = z.infer<typeof ZTrustResponse>;

export const ZPublisher = z.object({
  slug: z.string().min(1),
  display_name: z.string(),
  trust_level: ZTrustLevel,
  website_url: z.string().nullable().optional(),
  created_at: ZTimestamp.nullable().optional(),
});
export type TPublisher = z.infer<typeof ZPublisher>;

/** AgentNode's error envelope, read when we accept a 403/404/410 ourselves. */
export const ZErrorEnvelope = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
