/**
 * Source scan (ADR 0004, issue 7 point 8): every exported mutation in lib/server checks the
 * actor itself. A mutation is an exported function whose body, or a same-file helper it uses,
 * writes through Prisma (`db.model.create/update/upsert/delete…`, `$executeRaw`), raw SQL
 * (INSERT/UPDATE/DELETE text) or the audit writer. The check is a call to assertActorCan,
 * authorize or requirePerson in its own body. Anything else must be named `unsafe…` or be
 * listed below with the reason it may skip the check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSource } from '@/lib/testing/mutation-scan';

/** Mutations that legitimately run without a person's permission, `file#export` → why. */
const ALLOWED: Record<string, string> = {
  'api-keys/authenticate-api-key.ts#touchApiKey':
    'records when the presented key was last used; the key is the actor and withApiKey authenticated it',
  'audit/record-audit-event.ts#recordAuditEvent':
    'the audit writer itself: called inside the transaction of a mutation that checked its actor',
  'audit/record-audit-event.ts#recordAuditEvents': 'the audit writer itself (batch form), same as recordAuditEvent',
  'engagements/auditor-scope.ts#assertInsideAudits':
    'a read guard: it writes only the refused attempt of an auditor outside their audits (issue 14), never a record',
  'engagements/auditor-scope.ts#assertToolInsideAudits': 'the same read guard for a tool (see assertInsideAudits)',
  'enforcement/enforce.ts#enforce':
    'the public enforcement decision for a key withApiKey admitted with the enforce scope; writes only its own decision log',
  'enforcement/decision-writer.ts#createDecisionWriter':
    'appends to the enforcement decision log (group commit) for enforce and refused-attempt logging',
  'enforcement/decision-writer.ts#decisionWriterFor': "the process's decision writer (see createDecisionWriter)",
  'enforcement/open-request-for-unknown-tool.ts#openRequestForUnknownTool':
    'enforcement opens a request for an unknown tool as SYSTEM; no person acts',
  'registries/bulk-sql.ts#insertToolVersions':
    'sync internals: ingest statements run by runRegistrySync after its own check, as SYSTEM for scheduled runs',
  'registries/bulk-sql.ts#insertVerificationRecords': 'sync internals (see insertToolVersions)',
  'registries/bulk-sql.ts#insertTools': 'sync internals (see insertToolVersions)',
  'registries/bulk-sql.ts#executeWithJson':
    'sync internals: the one-JSON-parameter statement helper the inserts above and the definition scan write through',
  'registries/bulk-sql.ts#updateToolsSyncState': 'sync internals: what a tool was read from (validators, hash)',
  'registries/ingest-unchanged.ts#raiseAlerts': 'sync internals: the alerts the ingest found, in its transaction',
  'registries/bulk-sql.ts#updateToolsLatest': 'sync internals (see insertToolVersions)',
  'registries/ingest-publishers.ts#upsertPublishers': 'sync internals (see insertToolVersions)',
  'registries/ingest-sync-page.ts#ingestSyncPage': 'sync internals (see insertToolVersions)',
  'registries/ingest-tool-state.ts#updateToolsAndYanks': 'sync internals (see insertToolVersions)',
  'registries/ingest-tool-state.ts#updateKnownTools': 'sync internals (see insertToolVersions)',
  'registries/run-registry-sync.ts#runRegistrySync': 'awaits startRegistrySync, which authorizes registry:sync first',
  'users/change-own-password.ts#changeOwnPassword':
    "one's own credential: any signed-in person, proven by the current password (ADR 0002)",
  'users/user-admin-lock.ts#lockUserAdministration': 'a lock taken inside user-administration operations after their check',
  'audit/record-audit-checkpoint.ts#insertCheckpoint':
    'the checkpoint writer: the scheduler runs it as SYSTEM; the on-demand operation checks audit:checkpoint first',
  'startup/bootstrap-first-admin.ts#bootstrapFirstAdmin':
    'startup as SYSTEM: creates the admin the deployer named in the environment, once',
  'tool-definitions/report-tool-definitions.ts#reportToolDefinitions':
    'a gateway report: assertMayReport admits only an API key with the ingest scope (or SYSTEM), withApiKey authenticated it',
  'tool-definitions/raise-definition-alerts.ts#raiseDefinitionAlerts':
    'raises alerts inside reportToolDefinitions (and the sync) after their own checks',
  'enforcement/watch-generation.ts#waitForGenerationChange':
    'a read: the raw SQL it runs is a SELECT of the generation counter; assertMayEnforce admits only an enforce-scoped key',
  'tool-definitions/scan-registry-definitions.ts#scanRegistryDefinitions': 'sync internals (see insertToolVersions)',
  'registries/sample-registry-server.ts#ensureSampleRegistryServer':
    'demo mode only: registers the bundled sample registry at start-up as SYSTEM',
  // Invocation events (issue 11)
  'invocations/ingest-invocation-events.ts#ingestInvocationEvents':
    'machine ingestion: assertCanIngest admits an API key with the ingest scope or SYSTEM (demo seed), never a person',
  'invocations/export-invocation-events.ts#exportInvocationEvents':
    'writes only its own audit record; assertCanReadEvents admits invocation:export or an API key with the read scope',
  'invocations/verify-invocation-chain.ts#verifyInvocationChain':
    'writes only the broken-chain alert it found; assertCanReadEvents admits audit:verify or an API key with the read scope',
  'invocations/raise-invocation-alerts.ts#raiseInvocationAlerts':
    'ingestion internals: runs inside ingestInvocationEvents after its check',
  'webhooks/queue-alert-change-deliveries.ts#queueAlertChangeDeliveries':
    'queues the webhook messages of an alert change inside assignAlert/addAlertNote, which authorize first',
  // Auditor portal (issue 14).
  'engagements/auditor-gate.ts#recordAuditorPageView':
    'records that a signed-in auditor opened a page (or was refused one); the page guard authenticated them, it writes only that audit event',
  'engagements/engagement-access.ts#recordRefusal':
    'records a refused attempt on an audit, called by loadEngagementFor after its own permission check',
  'engagements/auditor-scope.ts#refuseOutsideAudits':
    'records an auditor refused a record outside their open audits (a 403 on the record), called by read operations after their own permission check',
  'engagements/request-step.ts#moveEngagementRequest':
    'the shared step of answer/accept/follow-up, each of which calls authorize first; it also runs loadEngagementFor',
  // Evidence packs (issue 13).
  'evidence/signing-key.ts#activeSigningKey':
    'creates or records the instance signing key on first use, inside a pack build that was authorized (or the command line)',
  'evidence/build-pack-cli.ts#buildPackFromCommandLine':
    'the evidence-pack command: whoever runs it holds the database credentials; it acts and audits as SYSTEM',
  'evidence/signing-key.ts#ensureSigningKeyAtStart': 'start-up as SYSTEM: makes the instance signing key once',
  // Invocation monitors (issue 11.4).
  'monitoring/run-invocation-monitors.ts#runInvocationMonitors':
    'a system job (scheduler tick, after an ingest batch, demo seed): reads events past its watermarks and raises alerts as SYSTEM; no person or key asks for it',
  'monitoring/raise-monitor-alerts.ts#raiseMonitorAlerts': 'monitor internals: runs inside runInvocationMonitors',
  'monitoring/update-invocation-rollup.ts#updateInvocationRollup': 'monitor internals: runs inside runInvocationMonitors',
  // SIEM hand-off (issue 11.6) and event chain checkpoints (11.3).
  'invocations/event-checkpoints.ts#raiseEventCheckpointAlert':
    'writes only the critical alert verifyInvocationChain found, after assertCanReadEvents',
  'webhooks/attempt-delivery.ts#attemptDelivery':
    'records one attempt of a queued delivery: the delivery loop (SYSTEM) or sendTestWebhook after its webhook:manage check',
  'webhooks/run-webhook-deliveries.ts#enqueueAlertDeliveries':
    'the delivery loop as SYSTEM: queues raised alerts for enabled endpoints',
  'webhooks/run-webhook-deliveries.ts#runWebhookDeliveries': 'the delivery loop as SYSTEM (scheduler), no person acts',
  'webhooks/run-webhook-deliveries.ts#startWebhookDeliveryScheduler': 'starts the delivery loop at start-up (SYSTEM)',
  'evidence/builds/pack-runner.ts#claimQueuedBuild':
    'the pack runner (SYSTEM) takes a build requestEvidencePackBuild queued after checking evidence:build',
  'evidence/builds/pack-runner.ts#runClaimedBuild':
    'the pack runner (SYSTEM) builds what an authorized person queued; it writes only that build row and its audit record',
  'evidence/builds/pack-runner.ts#recoverInterruptedBuilds':
    'start-up and runner tick as SYSTEM: marks builds a dead process left running as failed',
  'evidence/builds/pack-runner.ts#runPendingBuilds': 'runs claimQueuedBuild and runClaimedBuild (see those)',
  // Incident response (issue 14.6).
  'incidents/append-incident-event.ts#appendIncidentEvent':
    'the incident timeline writer (with its audit event): called inside incident operations after their own authorize',
};

/** Operations converted in parallel and merged: none pending (kept so the scan's shape stays). */
const PENDING: Record<string, string> = {};

const ROOT = path.join(process.cwd(), 'lib', 'server');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sourceFiles(path.join(dir, d.name))
      : /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name)
        ? [path.join(dir, d.name)]
        : [],
  );
}

function scanTree() {
  return sourceFiles(ROOT).flatMap((file) => {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    return scanSource(rel, readFileSync(file, 'utf8')).map((e) => ({ ...e, id: `${rel}#${e.name}` }));
  });
}

describe('every exported mutation in lib/server checks the actor', () => {
  const scanned = scanTree();

  it('finds the mutations (the scan is not blind)', () => {
    const ids = scanned.filter((e) => e.mutates).map((e) => e.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'alerts/update-alert-state.ts#updateAlertState',
        'policies/update-policy.ts#updatePolicy',
        'api-keys/create-api-key.ts#createApiKey',
      ]),
    );
  });

  it('has no unchecked mutation outside the documented exceptions', () => {
    const unchecked = scanned.filter(
      (e) => e.mutates && !e.checks && !e.name.startsWith('unsafe') && !(e.id in ALLOWED) && !(e.id in PENDING),
    );
    expect(
      unchecked.map((e) => e.id),
      'call assertActorCan/authorize first, name it unsafe…, or list it in ALLOWED with the reason',
    ).toEqual([]);
  });

  it('has no stale exception (an entry whose operation is gone or now checks)', () => {
    const stillNeeded = new Set(scanned.filter((e) => e.mutates && !e.checks).map((e) => e.id));
    expect(
      Object.keys(ALLOWED).filter((id) => !stillNeeded.has(id)),
      'delete these from ALLOWED',
    ).toEqual([]);
    expect(
      Object.keys(PENDING).filter((id) => !stillNeeded.has(id)),
      'converted: delete these from PENDING',
    ).toEqual([]);
  });
});

describe('the scanner', () => {
  const scan = (src: string) =>
    Object.fromEntries(scanSource('x.ts', src).map((e) => [e.name, e.mutates ? (e.checks ? 'checked' : 'UNCHECKED') : 'read']));

  it.each([
    ['a Prisma write without a check', `export async function f(a) { await db.tool.update({}); }`, { f: 'UNCHECKED' }],
    [
      'a Prisma write after assertActorCan',
      `export async function f(a) { assertActorCan(a, 'x'); await tx.tool.delete({}); }`,
      { f: 'checked' },
    ],
    [
      'authorize counts as the check',
      `export async function f({ actor, input }) { authorize(actor, 'p', Z, input); await db.x.upsert({}); }`,
      { f: 'checked' },
    ],
    [
      'a write in a same-file helper',
      `async function h(db) { await db.tool.createMany({}); }\nexport async function f() { await h(db); }`,
      { f: 'UNCHECKED' },
    ],
    [
      'the audit writer is a write',
      `export const f = async (tx, a) => { await recordAuditEvent(tx, a, {}); };`,
      { f: 'UNCHECKED' },
    ],
    ['raw SQL through $executeRaw', `export async function f(db) { await db.$executeRawUnsafe('x'); }`, { f: 'UNCHECKED' }],
    [
      'raw INSERT text through a query helper',
      `const SQL = 'INSERT INTO "Tool" (id) VALUES ($1)';\nexport async function f(db) { await db.query(SQL, []); }`,
      { f: 'UNCHECKED' },
    ],
    ['export { f } form', `async function f(db) { await db.tool.update({}); }\nexport { f };`, { f: 'UNCHECKED' }],
    [
      'a hash update is not a write',
      `export function f(s) { return createHash('sha256').update(s).digest('hex'); }`,
      { f: 'read' },
    ],
    ['a map delete is not a write', `const m = new Map();\nexport function f(k) { m.delete(k); }`, { f: 'read' }],
    [
      'a comment or a word in a string is not a check',
      `export async function f() { /* assertActorCan(a) */ const s = 'authorize'; await db.t.update({}); }`,
      { f: 'UNCHECKED' },
    ],
    ['a read stays a read', `export async function f() { return db.tool.findMany({}); }`, { f: 'read' }],
  ])('%s', (_what, src, expected) => {
    expect(scan(src)).toEqual(expected);
  });
});
