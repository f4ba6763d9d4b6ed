import type { PermissionSet, Tier } from '@/lib/domain/types';

/**
 * What every connector produces, whatever the source speaks. The sync engine
 * (lib/server/registries) stores it; a connector never touches the database.
 */
export type CheckName = 'installation' | 'import' | 'sandbox' | 'permissions';
export type CheckStatus = 'PASS' | 'FAIL' | 'SKIPPED';

export interface NormalizedCheck {
  name: CheckName | string;
  status: CheckStatus;
  /** The registry's own status word (e.g. AgentNode "inconclusive"), kept for reviewers. */
  sourceStatus?: string;
  detail?: string;
  durationMs?: number | null;
}

export interface NormalizedPublisher {
  externalId: string;
  name: string;
  trustLevel: 'UNVERIFIED' | 'VERIFIED' | 'TRUSTED' | 'CURATED';
  identityVerifiedAt?: Date | null;
  websiteUrl?: string | null;
}

/** A risk signal shown on the tool page (npm install scripts, missing provenance, deprecation…). */
export interface RiskSignal {
  key: string;
  label: string;
  severity: 'info' | 'low' | 'medium' | 'high' | 'critical';
  detail?: string;
}

export interface Provenance {
  signaturePresent: boolean;
  signatureVerified?: boolean | null;
  provenancePresent: boolean;
  provenanceVerified?: boolean | null;
  /** Who signed or attested (workflow identity, key id, publisher). */
  signer?: string | null;
  sourceRepo?: string | null;
}

export interface NormalizedVerification {
  verifiedAt: Date;
  checks: NormalizedCheck[];
  trustScore: number | null;
  /** Our tier: the score's tier (deriveTier) lowered by the registry's caps (capTier). */
  tier: Tier;
  /** The registry's own tier word, kept as it says. */
  registryTier?: string | null;
  /** Set when a cap lowered the tier below the score's: the score's tier and why (shown on the tool page). */
  tierCap?: { from: Tier; reason: string } | null;
  /** The exact bytes-equivalent payload the record was built from, and its SHA-256 (hex). */
  rawPayload: unknown;
  payloadSha256: string;
}

export interface NormalizedVersion {
  version: string;
  publishedAt?: Date | null;
  artifactDigest?: string | null;
  /** Canonical tool definitions (names, descriptions, input schemas) and their SHA-256. */
  toolDefinitions?: unknown;
  toolDefsHash?: string | null;
  permissions: PermissionSet;
  /** The registry's own permission vocabulary, as declared. */
  declaredPermissions?: Record<string, unknown> | null;
  allowedDomains?: string[];
  provenance?: Provenance | null;
  quarantineStatus?: string | null;
  yanked?: boolean;
  riskSignals?: RiskSignal[];
  /** Zero or more verification runs of this version (a re-verification adds one). */
  verifications: NormalizedVerification[];
}

export interface NormalizedTool {
  externalId: string;
  name: string;
  description?: string;
  kind: 'MCP_SERVER' | 'AGENT_PLUGIN' | 'TOOL_PACKAGE';
  repositoryUrl?: string | null;
  /** active | deprecated | deleted | quarantined, as the registry reports. */
  registryStatus?: string | null;
  deprecated?: boolean;
  publisher: NormalizedPublisher;
  versions: NormalizedVersion[];
  /**
   * True when `versions` is every version the registry still lists: a stored version missing
   * from it was yanked or quarantined since (the sync marks it, never deletes it).
   */
  versionListComplete?: boolean;
  /**
   * HTTP validators of every answer this tool was read from, when each answer carried one: the
   * next sync asks with them and skips the tool when the registry answers 304 to all.
   */
  sourceValidators?: SourceValidators | null;
}

/**
 * What a connector remembers about the answers a tool was read from. `rev` names the connector's
 * normalization: a build that reads the same answers differently bumps it, and the stored
 * validators of the old build are not used (the tool is read again in full).
 */
export interface SourceValidators {
  rev: string;
  urls: { url: string; etag?: string; lastModified?: string }[];
}

/** A tool the connector could not read (bad JSON, wrong shape, timeout…): skipped, reported, retried next run. */
export interface SyncItemError {
  externalId: string | null;
  message: string;
}

/** One page of a sync: the tools it carries and where the next page starts (null = done). */
export interface SyncPage {
  tools: NormalizedTool[];
  nextCursor: string | null;
  /** Items of this page that failed; the rest of the page is stored. The run ends PARTIAL. */
  errors?: SyncItemError[];
  /** Total items the source reports, when it does (progress display). */
  total?: number | null;
  /**
   * Tools of this page the registry confirmed unchanged (every remembered answer came back 304 Not
   * Modified): not re-read, so nothing is stored for them beyond what time alone changes.
   */
  unchanged?: string[];
}

export interface ConnectorContext {
  baseUrl: string;
  config: Record<string, unknown>;
  /** Where the last successful run stopped (cursor or updated-since timestamp), for incremental sync. */
  since: string | null;
  signal: AbortSignal;
  fetch: typeof fetch;
  /**
   * Ids of the tools already stored for this registry. A source whose listing can hide entries
   * (AgentNode's search leaves deprecated packages out) re-reads these by their own endpoint.
   */
  knownExternalIds?: readonly string[];
  /**
   * The validators stored with these tools by the last sync (only the asked ids, one page at a
   * time, so memory stays flat). Absent: every answer is fetched in full.
   */
  previousValidators?: (externalIds: readonly string[]) => Promise<ReadonlyMap<string, SourceValidators>>;
}

/** A registry connector: adding a registry = one file implementing this, plus its tests. */
export interface RegistryConnector {
  kind: 'AGENTNODE' | 'MCP_REGISTRY' | 'NPM';
  /** Cheap request proving the registry answers (the "test connection" button). */
  testConnection(ctx: ConnectorContext): Promise<{ ok: true; detail: string } | { ok: false; error: string }>;
  /** Yields pages one at a time so memory stays flat however large the registry is. */
  pages(ctx: ConnectorContext, cursor: string | null): AsyncIterable<SyncPage>;
}
