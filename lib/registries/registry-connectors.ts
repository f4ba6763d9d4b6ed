import type { RegistryKind } from '@prisma/client';
import { agentNodeConnector } from './agentnode';
import { mcpRegistryConnector } from './mcp-registry';
import { npmConnector } from './npm';
import type { RegistryConnector } from './types';

/** Registry kind → connector. Adding a registry: one connector file, one line here. */
const CONNECTORS: Record<RegistryKind, RegistryConnector> = {
  AGENTNODE: agentNodeConnector,
  MCP_REGISTRY: mcpRegistryConnector,
  NPM: npmConnector,
};

export function connectorFor(kind: RegistryKind): RegistryConnector | null {
  return CONNECTORS[kind] ?? null;
}
