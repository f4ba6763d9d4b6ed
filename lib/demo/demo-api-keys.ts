/**
 * Demo mode only: the fixed, documented secrets of the seeded API keys (one per scope), so the
 * API can be tried at once (README). Kept apart from the seed so tests can import them.
 */
export const DEMO_API_KEYS = {
  ENFORCE: 'tl_demo_enforce_7Hq2Lx9VbN4pR8sT3wYz',
  INGEST: 'tl_demo_ingest_5Km8Qa2ZcX7vB1nD4fGh',
  READ: 'tl_demo_read_9Pw3Er6TyU2iO5aS8dFj',
} as const;
