/** Select these columns of PolicyException to build ExceptionFacts for evaluatePolicy (one list for every reader). */
export const EXCEPTION_FACTS_SELECT = {
  id: true,
  rules: true,
  toolId: true,
  toolVersionId: true,
  versionRange: true,
  environment: true,
  status: true,
  expiresAt: true,
} as const;
