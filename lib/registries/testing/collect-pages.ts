import type { ConnectorContext, RegistryConnector, SyncPage } from '../types';

/** Test helper: a context with small limits, so a fault shows up in milliseconds, not minutes. */
export function testContext(
  baseUrl: string,
  config: Record<string, unknown> = {},
  since: string | null = null,
): ConnectorContext {
  return {
    baseUrl,
    config: { timeoutMs: 400, maxBytes: 1024 * 1024, maxRetryDelayMs: 50, ...config },
    since,
    signal: new AbortController().signal,
    fetch,
  };
}

/** Drains a connector the way the sync engine does: every page before a failure is kept. */
export async function collectPages(
  connector: RegistryConnector,
  ctx: ConnectorContext,
  cursor: string | null = null,
): Promise<{ pages: SyncPage[]; error: unknown }> {
  const pages: SyncPage[] = [];
  try {
    for await (const page of connector.pages(ctx, cursor)) pages.push(page);
    return { pages, error: null };
  } catch (error) {
    return { pages, error };
  }
}
