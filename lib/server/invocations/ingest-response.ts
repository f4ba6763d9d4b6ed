import type { IngestResult } from './ingest-invocation-events';

/**
 * The status of an ingest answer: 200 when anything was stored or recognized as already stored;
 * when every line was refused, 403 if each one named an agent the key may not speak for, else 422.
 * The body is the same in every case, so a client always gets every line's error.
 */
export function ingestStatus(result: IngestResult): number {
  if (result.accepted + result.duplicates > 0 || result.rejected.length === 0) return 200;
  const bindingOnly = result.rejected.every(
    (r) => r.issues.length === 1 && r.issues[0]!.path === 'agent_id' && r.issues[0]!.message.startsWith('this API key may only'),
  );
  return bindingOnly ? 403 : 422;
}
