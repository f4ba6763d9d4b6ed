import type { AuditAction } from '@/lib/domain/audit-actions';
import 'server-only';
import type { Environment, Prisma, PrismaClient } from '@prisma/client';
import { detectVersionAlerts, type VersionFacts } from '@/lib/domain/sync-alerts';
import type { Actor } from '@/lib/server/actor';
import type { AuditEntry } from '@/lib/server/audit/record-audit-event';
import type { NormalizedVersion, SyncPage } from '@/lib/registries/types';
import {
  checkStatus,
  factsOfNormalized,
  factsOfStored,
  mutableVersionFields,
  newestRun,
  sameDeclaration,
  sameMutableFields,
  STORED_VERSION_SELECT,
  usableVersion,
  verificationStateOf,
  type StoredVersion,
} from './ingest-helpers';
import { scanRegistryDefinitions } from '@/lib/server/tool-definitions/scan-registry-definitions';
import {
  insertTools,
  insertToolVersions,
  insertVerificationRecords,
  BARE_TOOL,
  newId,
  updateToolsSyncState,
  type RecordRow,
  type ToolLatestRow,
  type VersionRow,
} from './bulk-sql';
import { upsertPublishers } from './ingest-publishers';
import { updateKnownTools, updateToolsAndYanks, type Slot, type ToolAlert } from './ingest-tool-state';
import { recordAuditEvents } from '@/lib/server/audit/record-audit-event';
import { dedupeTools, dedupeVersions, newToolRows, plainJson, syncHashOf, toolData, versionData } from './ingest-rows';
import { raiseAlerts, refreshValidators, staleAlertsOf } from './ingest-unchanged';

export interface IngestContext {
  registryId: string;
  actor: Actor;
  now: Date;
  /** Days after which a verification is stale, per environment (null = no limit). */
  maxAgeDays: Record<Environment, number | null>;
}

export interface IngestCounts {
  toolsSeen: number;
  versionsCreated: number;
  recordsCreated: number;
  alertsRaised: number;
  /** Tools the registry answered unchanged (304s or the same content hash): nothing written for them. */
  toolsUnchanged: number;
}

/**
 * Stores one sync page in ONE transaction: it is all there or not at all, so a run that stops
 * half-way leaves earlier pages intact and nothing half-written. Writes are batched per page.
 * Idempotent: a verification record is added only if (version, payload hash) is new, alerts
 * are keyed by fact, and unchanged rows are not touched.
 *
 * Unchanged tools are set aside before any write: those the connector reports unchanged (every
 * answer 304) and those whose content hash equals the one stored at their last ingest. Storing
 * the same input again would change nothing, save what time alone changes: the freshness rule,
 * which is still checked for them.
 */
export async function ingestSyncPage(
  prisma: PrismaClient,
  page: SyncPage,
  ctx: IngestContext,
  /** Runs in the same transaction (the sync run's counters and resume cursor commit with the page). */
  onCommit?: (tx: Prisma.TransactionClient, counts: IngestCounts) => Promise<void>,
): Promise<IngestCounts> {
  return prisma.$transaction(
    async (tx) => {
      const counts = await ingest(tx, page, ctx);
      await onCommit?.(tx, counts);
      return counts;
    },
    { timeout: 180_000, maxWait: 60_000 },
  );
}

async function ingest(tx: Prisma.TransactionClient, page: SyncPage, ctx: IngestContext): Promise<IngestCounts> {
  const { registryId, now } = ctx;
  const incoming = dedupeTools(page.tools);
  const counts: IngestCounts = { toolsSeen: 0, versionsCreated: 0, recordsCreated: 0, alertsRaised: 0, toolsUnchanged: 0 };
  const notModified = new Set(page.unchanged ?? []);
  for (const t of incoming) notModified.delete(t.externalId);
  if (incoming.length === 0 && notModified.size === 0) return counts;

  const existing = await tx.tool.findMany({
    where: { registryId, externalId: { in: [...incoming.map((t) => t.externalId), ...notModified] } },
  });
  const hashes = new Map(incoming.map((t) => [t.externalId, syncHashOf(t)]));
  const byExternalId = new Map(existing.map((t) => [t.externalId, t]));
  const same = existing.filter((t) => notModified.has(t.externalId) || (t.syncHash && t.syncHash === hashes.get(t.externalId)));
  const sameIds = new Set(same.map((t) => t.externalId));
  const tools = incoming.filter((t) => !sameIds.has(t.externalId));
  counts.toolsSeen = tools.length + same.length;
  counts.toolsUnchanged = same.length;
  await refreshValidators(tx, same, incoming);
  const alerts: ToolAlert[] = await staleAlertsOf(tx, same, ctx);
  if (tools.length === 0) {
    counts.alertsRaised = await raiseAlerts(tx, alerts);
    return counts;
  }

  const pubs = await upsertPublishers(
    tx,
    registryId,
    tools.map((t) => t.publisher),
    now,
  );
  alerts.push(...pubs.alerts);
  const audits: AuditEntry[] = [...pubs.audits];
  const changes = new Map<string, { action: AuditAction; before: Record<string, unknown>; after: Record<string, unknown> }>();
  const note = (toolId: string, key: string, value: unknown, action: AuditAction = 'tool.synced') => {
    const c = changes.get(toolId) ?? { action, before: {}, after: {} };
    if (action === 'tool.imported') c.action = action;
    c.after[key] = value;
    changes.set(toolId, c);
  };

  // Tools: update changed metadata of the known ones; the new ones are created with their versions below.
  const toolRow = new Map(
    tools.filter((t) => byExternalId.has(t.externalId)).map((t) => [t.externalId, byExternalId.get(t.externalId)!]),
  );
  const toCreate = tools.filter((t) => !toolRow.has(t.externalId));
  const newToolIds = new Map(toCreate.map((t) => [t.externalId, newId()]));
  await updateKnownTools(
    tx,
    tools,
    toolRow,
    (t) => toolData(t, registryId, pubs.idByExternalId.get(t.publisher.externalId)!, now),
    alerts,
    note,
  );

  // Versions: create what is new; the pinned digest and definitions of known versions never change.
  const knownToolIds = [...toolRow.values()].map((t) => t.id);
  const storedRows =
    knownToolIds.length > 0
      ? await tx.toolVersion.findMany({ where: { toolId: { in: knownToolIds } }, select: STORED_VERSION_SELECT })
      : [];
  const stored = new Map(storedRows.map((v) => [`${v.toolId}\u0000${v.version}`, v]));
  const slots: Slot[] = [];
  const newVersions: VersionRow[] = [];
  const newVersionById = new Map<string, VersionRow>();
  for (const t of tools) {
    const toolId = toolRow.get(t.externalId)?.id ?? newToolIds.get(t.externalId)!;
    for (const v of dedupeVersions(t.versions)) {
      const s = stored.get(`${toolId}\u0000${v.version}`) ?? null;
      const row = s ? null : versionData(toolId, v, now);
      slots.push({ tool: t, toolId, version: v, stored: s, id: s?.id ?? row!.id });
      if (row) {
        newVersions.push(row);
        newVersionById.set(row.id, row);
      }
    }
  }
  // New tools are written once, already pointing at their latest version (its state as written
  // to the version row); updateToolsAndYanks then finds nothing to change for them.
  const written = new Map<string, ToolLatestRow>();
  if (toCreate.length > 0) {
    const rows = newToolRows(toCreate, newToolIds, slots, newVersionById, written, (t) => ({
      ...toolData(t, registryId, pubs.idByExternalId.get(t.publisher.externalId)!, now),
      syncHash: hashes.get(t.externalId)!,
      syncValidators: plainJson(t.sourceValidators),
    }));
    const created = await insertTools(tx, rows, newVersions);
    for (const row of created) {
      // As the tool was before this page (no latest version): what updateToolsAndYanks compares
      // with, so its audit notes and data flow map review see a new tool as before.
      toolRow.set(row.externalId, { ...row, ...BARE_TOOL });
      note(row.id, 'name', row.name, 'tool.imported');
    }
  } else if (newVersions.length > 0) {
    await insertToolVersions(tx, newVersions);
  }
  if (newVersions.length > 0) {
    counts.versionsCreated = newVersions.length;
    const toolNames = new Map([...toolRow.values()].map((t) => [t.id, t.name]));
    await scanRegistryDefinitions(tx, newVersions, toolNames, now);
    for (const slot of slots) if (!slot.stored) note(slot.toolId, `version ${slot.version.version}`, 'added');
  }

  // Verification records: append-only, one per (version, payload hash).
  // Only stored versions can have records: one created on this page has none yet (a first
  // sync asked for ~300 ids a page to learn nothing, ~10 ms of CPU, issue 9.3).
  const storedSlotIds = slots.filter((s) => s.stored).map((s) => s.id);
  const known =
    storedSlotIds.length > 0
      ? await tx.verificationRecord.findMany({
          where: { toolVersionId: { in: storedSlotIds } },
          select: { toolVersionId: true, payloadSha256: true },
        })
      : [];
  const seen = new Set(known.map((r) => `${r.toolVersionId}\u0000${r.payloadSha256}`));
  const records: RecordRow[] = [];
  const newRuns = new Map<string, NormalizedVersion['verifications']>();
  for (const slot of slots) {
    for (const run of slot.version.verifications) {
      const key = `${slot.id}\u0000${run.payloadSha256}`;
      if (seen.has(key)) continue;
      seen.add(key);
      newRuns.set(slot.id, [...(newRuns.get(slot.id) ?? []), run]);
      records.push({
        id: newId(),
        toolVersionId: slot.id,
        registryId,
        verifiedAt: run.verifiedAt,
        fetchedAt: now,
        installCheck: checkStatus(run, 'installation'),
        importCheck: checkStatus(run, 'import'),
        smokeCheck: checkStatus(run, 'sandbox'),
        permissionCheck: checkStatus(run, 'permissions'),
        checks: plainJson(run.checks),
        trustScore: run.trustScore,
        tier: run.tier,
        registryTier: run.registryTier ?? null,
        tierCappedFrom: run.tierCap?.from ?? null,
        tierCapReason: run.tierCap?.reason ?? null,
        rawPayload: plainJson(run.rawPayload),
        payloadSha256: run.payloadSha256,
      });
    }
  }
  counts.recordsCreated = await insertVerificationRecords(tx, records);

  // A tool created on this page is installed nowhere yet: only known tools are looked up.
  const knownIds = [...toolRow.values()].filter((t) => !newToolIds.has(t.externalId)).map((t) => t.id);
  const installs =
    knownIds.length > 0
      ? await tx.installation.findMany({
          where: { toolId: { in: knownIds }, state: { in: ['REQUESTED', 'APPROVED', 'ACTIVE'] } },
          select: { toolId: true, environment: true, state: true },
        })
      : [];
  const envs = new Map<string, Set<Environment>>();
  for (const i of installs) envs.set(i.toolId, (envs.get(i.toolId) ?? new Set()).add(i.environment));

  // Per version: state updates and alerts.
  const versionState = new Map<
    string,
    {
      tier: StoredVersion['tier'];
      trustScore: number | null;
      verificationState: StoredVersion['verificationState'];
      lastVerifiedAt: Date | null;
    }
  >();
  const declared = new Set<string>();
  let previous: { toolId: string; facts: VersionFacts } | null = null;
  for (const slot of slots) {
    const runs = newRuns.get(slot.id) ?? [];
    const newest = newestRun(runs);
    let state = slot.stored
      ? {
          tier: slot.stored.tier,
          trustScore: slot.stored.trustScore,
          verificationState: slot.stored.verificationState,
          lastVerifiedAt: slot.stored.lastVerifiedAt,
        }
      : { tier: 'UNVERIFIED' as const, trustScore: null, verificationState: 'UNVERIFIED' as const, lastVerifiedAt: null };
    if (newest && (!state.lastVerifiedAt || newest.verifiedAt >= state.lastVerifiedAt)) {
      state = {
        tier: newest.tier,
        trustScore: newest.trustScore,
        verificationState: verificationStateOf(newest.tier),
        lastVerifiedAt: newest.verifiedAt,
      };
    }
    versionState.set(slot.id, state);
    const mutable = mutableVersionFields(slot.version);
    const stateChanged =
      !slot.stored ||
      slot.stored.lastVerifiedAt?.getTime() !== state.lastVerifiedAt?.getTime() ||
      slot.stored.tier !== state.tier;
    const fieldsChanged = slot.stored ? !sameMutableFields(slot.stored, mutable) : true;
    // A usable version that is new, or declares other permissions or hosts than before, may
    // outgrow the tool's data flow map (checked in updateToolsAndYanks).
    if (usableVersion(slot.version) && (!slot.stored || !sameDeclaration(slot.stored, mutable))) declared.add(slot.id);
    if (slot.stored && (stateChanged || fieldsChanged)) {
      await tx.toolVersion.update({ where: { id: slot.id }, data: { ...mutable, ...state } });
      note(slot.toolId, `version ${slot.version.version}`, stateChanged ? `re-verified: ${state.tier}` : 'declaration updated');
    }
    const facts = factsOfNormalized(slot.version);
    const prevFacts = previous?.toolId === slot.toolId ? previous.facts : olderStored(storedRows, slot);
    for (const a of detectVersionAlerts({
      subject: slot.toolId,
      toolName: slot.tool.name,
      next: facts,
      sameVersionBefore: slot.stored ? factsOfStored(slot.stored) : null,
      previousVersion: prevFacts,
      installedInProduction: envs.get(slot.toolId)?.has('PRODUCTION') ?? false,
      newVerifications: runs.map((r) => ({
        tier: r.tier,
        payloadSha256: r.payloadSha256,
        failedChecks: r.checks.filter((c) => c.status === 'FAIL').map((c) => String(c.name)),
      })),
    })) {
      alerts.push({ ...a, toolId: slot.toolId, toolVersionId: slot.id });
    }
    previous = { toolId: slot.toolId, facts };
  }

  await updateToolsAndYanks(tx, tools, toolRow, slots, storedRows, versionState, envs, ctx, alerts, note, declared, written);
  // What this ingest was made from, so the next sync can tell the same input apart cheaply.
  await updateToolsSyncState(
    tx,
    tools
      .filter((t) => !toCreate.includes(t))
      .map((t) => ({
        id: toolRow.get(t.externalId)!.id,
        syncHash: hashes.get(t.externalId)!,
        syncValidators: plainJson(t.sourceValidators),
      })),
  );

  counts.alertsRaised = await raiseAlerts(tx, alerts);
  for (const [toolId, c] of changes) audits.push({ action: c.action, entityType: 'Tool', entityId: toolId, after: c.after });
  await recordAuditEvents(tx, ctx.actor, audits);
  return counts;
}

/** For the first listed version of a tool: the newest stored version published before it. */
function olderStored(rows: readonly StoredVersion[], slot: Slot): VersionFacts | null {
  const at = slot.version.publishedAt?.getTime();
  if (at === undefined) return null;
  let best: StoredVersion | null = null;
  for (const r of rows) {
    if (r.toolId !== slot.toolId || r.version === slot.version.version || !r.publishedAt || r.publishedAt.getTime() >= at)
      continue;
    if (!best || r.publishedAt > best.publishedAt!) best = r;
  }
  return best ? factsOfStored(best) : null;
}
