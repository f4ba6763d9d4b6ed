import type { Environment, PermissionSet } from '../types';

/**
 * One tool version the enforcement decision allows in one environment (ARCHITECTURE §4: a version
 * is exported exactly when enforcement would allow it), with what the client formats need.
 */
export interface ExportableVersion {
  toolId: string;
  toolVersionId: string;
  /** Registry identifier (MCP reverse-DNS name, AgentNode slug, npm package). */
  externalId: string;
  name: string;
  version: string;
  /** The digest the installation was approved for (falls back to the version's own). */
  artifactDigest: string | null;
  permissions: PermissionSet;
  /** Hosts as the version row keeps them (a connector may have normalised them). */
  allowedDomains: string[];
  /** ToolVersion.declaredPermissions: the registry's own words (remotes, packages, ToolHive profile…). */
  declared: unknown;
}

export type ExportFormat = 'claude-code' | 'toolhive';

/** A server allowed by enforcement that a client format cannot express without widening it. */
export interface LeftOutServer {
  serverName: string;
  version: string;
  reason: string;
}

export interface ExportScope {
  environment: Environment;
  generatedAt: Date;
}
