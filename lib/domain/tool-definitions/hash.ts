import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/domain/canonical-json';

/** One tool of an MCP server as `tools/list` (or a registry's manifest) describes it. */
export interface ToolDefinition {
  name: string;
  description?: string | null;
  inputSchema?: unknown;
  /** A registry named the tool but did not define it (ToolHive's partial `tool_definitions`). */
  definitionMissing?: boolean;
}

/**
 * The definitions in the one shape every hash is taken over: name, description and input schema,
 * sorted by name in code-point order (not locale order: the same bytes on every machine).
 * The gateway hashes a live server's `tools/list` with this, the registry connectors hash their
 * manifests with it, so a pinned hash and an observed one compare.
 */
export function canonicalToolDefinitions(defs: readonly ToolDefinition[]): ToolDefinition[] {
  return defs
    .map((d) => ({
      name: d.name,
      description: d.description ?? null,
      inputSchema: d.inputSchema ?? null,
      // The mark only appears where a definition is missing, so fully defined lists hash as before.
      ...(d.definitionMissing ? { definitionMissing: true } : {}),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Hex SHA-256 over the canonical definitions (the form `ToolVersion.toolDefsHash` stores). */
export function toolDefinitionsHash(defs: readonly ToolDefinition[]): string {
  return createHash('sha256')
    .update(canonicalJson(canonicalToolDefinitions(defs)))
    .digest('hex');
}
