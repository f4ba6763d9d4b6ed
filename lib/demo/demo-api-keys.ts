/**
 * Demo mode only: the fixed, documented secrets of the seeded API keys (one per scope), so the
 * API can be tried at once (README). Kept apart from the seed so tests can import them.
 */
export const DEMO_API_KEYS = {
  ENFORCE: 'tl_demo_enforce_7Hq2Lx9VbN4pR8sT3wYz',
  INGEST: 'tl_demo_ingest_5Km8Qa2ZcX7vB1nD4fGh',
  READ: 'tl_demo_read_9Pw3Er6TyU2iO5aS8dFj',
} as const;

/**
 * The demo gateway quickstart (README, MCP gateway): an agent running the reference filesystem
 * MCP server, installed through a deployed change request, and its key (enforce, ingest, read)
 * bound to that agent.
 */
export const DEMO_GATEWAY = {
  agent: 'demo-desktop-agent',
  apiKey: 'tl_demo_gateway_4Rt8Yu1Io6Pa3Sd9Fg2H',
  package: '@modelcontextprotocol/server-filesystem',
  version: '2026.8.31',
} as const;
