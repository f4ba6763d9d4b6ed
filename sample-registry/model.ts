/**
 * The sample registry's own data model: what an AgentNode-like registry knows internally.
 * sample-registry/responses.ts renders it in AgentNode's real wire format.
 */
export type TrustLevel = 'unverified' | 'verified' | 'trusted' | 'curated';
export type StepStatus = 'passed' | 'failed' | 'skipped' | 'error' | 'not_present' | 'inconclusive';

export interface SamplePublisher {
  slug: string;
  display_name: string;
  bio: string;
  trust_level: TrustLevel;
  website_url: string | null;
  github_url: string | null;
  created_at: string;
  /** Trust level the registry showed at revision 1 (before a later change), when it differed. */
  rev1_trust_level?: TrustLevel;
}

export interface SamplePermissions {
  network_level: 'none' | 'restricted' | 'unrestricted';
  allowed_domains: string[];
  filesystem_level: 'none' | 'temp' | 'workspace_read' | 'workspace_write' | 'any';
  code_execution_level: 'none' | 'limited_subprocess' | 'shell';
  data_access_level: 'input_only' | 'connected_accounts' | 'persistent';
  user_approval_level: 'always' | 'high_risk_only' | 'once' | 'never';
  external_integrations: string[];
}

export interface SampleCapability {
  name: string;
  capability_id: string;
  description: string;
  input_schema: Record<string, unknown>;
}

export interface SampleRun {
  status: 'passed' | 'failed' | 'error';
  started_at: string;
  completed_at: string;
  install_status: StepStatus;
  import_status: StepStatus;
  smoke_status: StepStatus;
  tests_status: StepStatus;
  score: number;
  tier: 'gold' | 'verified' | 'partial' | 'unverified';
  confidence: 'high' | 'medium' | 'low';
  smoke_reason: string | null;
  /** AgentNode's documented modes plus the scorer's newer ones. */
  verification_mode: 'real' | 'mock' | 'limited' | 'cases_real' | 'fixture' | 'real_auto';
  /** Of the scorer's 3 repeated runs, how many succeeded (null = no stability data). */
  reliable_runs: number | null;
  warnings_count: number;
  triggered_by: 'publish' | 'admin_reverify' | 'runner_upgrade' | 'scheduled' | 'owner_request';
  error_summary: string | null;
  run_count: number;
}

export interface SampleVersion {
  version_number: string;
  channel: 'stable' | 'beta';
  changelog: string;
  published_at: string;
  permissions: SamplePermissions;
  capabilities: SampleCapability[];
  artifact_hash: string;
  size_bytes: number;
  signature_present: boolean;
  provenance_present: boolean;
  source_repo: string | null;
  yanked: boolean;
  quarantine_status: 'none' | 'quarantined' | 'cleared' | 'rejected';
  /** Latest verification run (null = pending). */
  run: SampleRun | null;
}

export interface SamplePackage {
  slug: string;
  name: string;
  package_type: 'agent' | 'toolpack' | 'upgrade';
  runtime: 'python' | 'typescript' | 'docker' | 'remote' | 'mcp';
  summary: string;
  description: string;
  publisher: string;
  download_count: number;
  is_deprecated: boolean;
  tags: string[];
  /** Oldest first. */
  versions: SampleVersion[];
}

/** Everything the server needs, computed on demand so a 5,000-tool catalogue never sits in memory. */
export interface SampleCatalog {
  count(): number;
  /** Packages in name order (the server's search order). */
  packageAt(index: number): SamplePackage;
  bySlug(slug: string): SamplePackage | undefined;
  publisher(slug: string): SamplePublisher | undefined;
  /** Indexes (ascending) of deprecated packages: AgentNode's search never lists them. */
  deprecatedIndexes?(): readonly number[];
}
