import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { verifyInvocationChain } from '@/lib/server/invocations/verify-invocation-chain';
import type { DocumentSection } from './types';

// Pages of 1,000 rows, each one JSON text (event-chain-pages.ts). Larger pages saved little CPU
// and grew PGlite's WASM heap (json_agg of 5,000 rows took it from 174 to 209 MiB, a high-water
// mark it never hands back); measured over 400k events: 1,000-row pages kept RSS ~40 MiB lower.
const CHAIN_BATCH = 1000;

/**
 * The invocation event chain over the events received in the period, re-computed in batches
 * from the record before it (or the retention anchor). Bounded by the period, so a later build
 * of the same period gives the same result. A break found here raises the same critical alert
 * the on-demand check does.
 */
export const invocationChainCheckSection: DocumentSection = {
  kind: 'invocation-chain-check',
  shape: 'document',
  async document({ db, scope }) {
    const report = await verifyInvocationChain(
      // Read through the raw driver (event-chain-pages.ts), not Prisma's WASM engine, so a page
      // no longer raises the engine's high-water mark; PGlite's own heap holds one page.
      { actor: { ...SYSTEM_ACTOR, label: 'evidence pack' }, input: { from: scope.from, to: scope.to, batchSize: CHAIN_BATCH } },
      { db },
    );
    return {
      intact: report.ok,
      checkedRecords: report.checked,
      firstSeq: report.firstSeq,
      lastSeq: report.lastSeq,
      anchor: report.anchor,
      problem: report.break
        ? `event ${report.break.eventId} (seq ${report.break.seq}) does not follow the chain (${report.break.kind})`
        : null,
      receivedIn: { from: scope.from.toISOString(), to: scope.to.toISOString() },
      scope: 'the whole chain of the period: it is one chain whatever the environments or tools',
    };
  },
};
