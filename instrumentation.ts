/** Opens and migrates the database, then prepares the instance, before the server takes requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDatabase } = await import('./lib/db/client');
  const db = await getDatabase();
  // First start: demo data (demo mode) or reference data and the first admin.
  const { prepareInstanceExclusively } = await import('./lib/server/startup/prepare-instance');
  await prepareInstanceExclusively(db);
  // Registry sync: the bundled sample registry in demo mode, and the periodic schedule.
  const { isDemoMode } = await import('./lib/env');
  if (isDemoMode()) {
    const { ensureSampleRegistryServer } = await import('./lib/server/registries/sample-registry-server');
    await ensureSampleRegistryServer(db.prisma);
  }
  const { startSyncScheduler } = await import('./lib/server/registries/sync-scheduler');
  startSyncScheduler();
  // Signed checkpoints of the audit chain (issue 7.9), once per interval across all instances.
  const { startCheckpointScheduler } = await import('./lib/server/audit/checkpoint-scheduler');
  startCheckpointScheduler();
  // Overdue risk reviews raise alerts (issue 12).
  const { startRiskReviewScheduler } = await import('./lib/server/risks/risk-review-scheduler');
  startRiskReviewScheduler();
  // Invocation events (issue 11): monthly partitions created ahead, retention by partition.
  const { startInvocationPartitionScheduler } = await import('./lib/server/invocations/partition-scheduler');
  startInvocationPartitionScheduler();
  // Expiring and expired policy exceptions raise alerts (issue 12.3).
  const { startExceptionExpiryScheduler } = await import('./lib/server/exceptions/expiry-scheduler');
  startExceptionExpiryScheduler();
  // Invocation monitors (issue 11.4): drift, version mismatch, untrusted use, anomalies, hourly rollup.
  const { startInvocationMonitorScheduler } = await import('./lib/server/monitoring/monitor-scheduler');
  startInvocationMonitorScheduler();
  // Alert webhooks (issue 11.6): queued per alert, delivered and retried every few seconds.
  const { startWebhookDeliveryScheduler } = await import('./lib/server/webhooks/run-webhook-deliveries');
  startWebhookDeliveryScheduler();
  // Evidence packs (issue 13): the signing key exists from the first start, so its fingerprint can be published.
  const { ensureSigningKeyAtStart } = await import('./lib/server/evidence/signing-key');
  const { now } = await import('./lib/server/clock');
  await ensureSigningKeyAtStart(db.prisma, now());
  // Evidence pack builds (issue 13): the in-process runner; builds a dead process left running are marked failed.
  const { startEvidencePackRunner } = await import('./lib/server/evidence/builds/pack-runner-scheduler');
  await startEvidencePackRunner();
}
