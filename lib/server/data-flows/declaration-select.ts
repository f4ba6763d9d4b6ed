import type { Prisma } from '@prisma/client';

/**
 * The columns of a tool version that make up its declaration (permission levels and allowed
 * hosts): what a data flow map is derived from and what reopening a map compares. Its own module
 * so that the facts loader and the reopen check, which imports the loader, share it without a cycle.
 */
export const DECLARATION_SELECT = {
  id: true,
  version: true,
  network: true,
  filesystem: true,
  codeExecution: true,
  dataAccess: true,
  allowedDomains: true,
} as const satisfies Prisma.ToolVersionSelect;
