import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { verifyInvocationChain } from '@/lib/server/invocations/verify-invocation-chain';
import type { DocumentSection } from './types';

// Pages of 5,000 rows (a few MiB through the driver): each page costs PGlite a plan over every
// monthly partition, so fewer, larger pages walk a million events faster.
const CHAIN_BATCH = 5000;

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
