import 'server-only';
import type { Prisma } from '@prisma/client';
import { deriveDataFlow as derive } from '@/lib/domain/data-flows/derive';
import {
  mapReviewReasons,
  pickReviewTrigger,
  reviewNote,
  type MapReviewReason,
  type VersionDeclaration,
} from '@/lib/domain/data-flows/review';
import { NO_PERMISSIONS } from '@/lib/domain/permissions';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { DECLARATION_SELECT } from './declaration-select';
import { loadDataFlowFacts } from './load-data-flow-facts';
import { unsafeWriteMapVersion } from './write-map-version';

/** One event that brings tool versions an existing map may not describe. */
export interface MapReviewTrigger {
  toolId: string;
  /** The versions the event brings (stored, re-declared, approved or deployed), as declared now. */
  candidates: readonly VersionDeclaration[];
  /** The tool's latest version after the event: preferred when several candidates raise. */
  latestVersionId: string | null;
  /** What a map naming no version describes: the version that was the tool's latest before the event. */
  fallbackBasisVersionId: string | null;
  /** Declarations as they stood before the event, for versions it changed in place (a re-declaration). */
  priorDeclarations?: ReadonlyMap<string, VersionDeclaration>;
}

type DeclarationRow = Prisma.ToolVersionGetPayload<{ select: typeof DECLARATION_SELECT }>;

export function declarationOf(v: DeclarationRow): VersionDeclaration {
  return {
    versionId: v.id,
    version: v.version,
    permissions: { network: v.network, filesystem: v.filesystem, codeExecution: v.codeExecution, dataAccess: v.dataAccess },
    allowedDomains: v.allowedDomains,
  };
}

const NO_VERSION: VersionDeclaration = { versionId: null, version: null, permissions: NO_PERMISSIONS, allowedDomains: [] };

/**
 * Issue 12.2: a tool's current data flow map (confirmed, or a draft) that a newly stored,
 * re-declared, approved or deployed version outgrows (a permission level higher than the version
 * the map was written for, or an allowed host it never named) is reopened: ToolLedger appends a
 * fresh DERIVED draft from that version carrying the reasons and the version, raises one
 * `data-flow-review` alert, and the audit trail records both under the SYSTEM actor. A person
 * confirms again through the usual flow. Runs inside the caller's transaction, so the map moves
 * with the event or not at all. Idempotent: once reopened the map is written for the candidate,
 * which then raises nothing over itself; the alert's key names the map version it reopened.
 * Unsafe: no person acts; the callers (registry sync, change decision, deploy) authorized first.
 */
export async function unsafeReopenDataFlowMaps(
  tx: Prisma.TransactionClient,
  triggers: readonly MapReviewTrigger[],
  now: Date,
): Promise<number> {
  const withCandidates = triggers.filter((t) => t.candidates.length > 0);
  if (withCandidates.length === 0) return 0;
  // Most tools have no map: one indexed query settles them all.
  const maps = await tx.dataFlowMap.findMany({
    where: { toolId: { in: [...new Set(withCandidates.map((t) => t.toolId))] }, next: { is: null } },
    select: { id: true, toolId: true, toolVersionId: true, externalHosts: true, tool: { select: { name: true } } },
  });
  if (maps.length === 0) return 0;
  const triggerOf = new Map(withCandidates.map((t) => [t.toolId, t]));
  const basisIds = maps.flatMap((m) => {
    const id = m.toolVersionId ?? triggerOf.get(m.toolId)!.fallbackBasisVersionId;
    return id ? [id] : [];
  });
  const stored = new Map(
    (await tx.toolVersion.findMany({ where: { id: { in: basisIds } }, select: DECLARATION_SELECT })).map((v) => [
      v.id,
      declarationOf(v),
    ]),
  );
  let reopened = 0;
  for (const map of maps) {
    const trigger = triggerOf.get(map.toolId)!;
    const basisId = map.toolVersionId ?? trigger.fallbackBasisVersionId;
    const basis = basisId ? (trigger.priorDeclarations?.get(basisId) ?? stored.get(basisId) ?? NO_VERSION) : NO_VERSION;
    const checked = trigger.candidates.map((candidate) => ({
      candidate,
      reasons: mapReviewReasons({ basis, candidate, mappedHosts: map.externalHosts }),
    }));
    const chosen = pickReviewTrigger(checked, trigger.latestVersionId);
    if (!chosen?.candidate.versionId) continue;
    await reopen(tx, { ...map, toolName: map.tool.name }, chosen.candidate, basis, chosen.reasons, now);
    reopened++;
  }
  return reopened;
}

async function reopen(
  tx: Prisma.TransactionClient,
  map: { id: string; toolId: string; toolName: string },
  candidate: VersionDeclaration,
  basis: VersionDeclaration,
  reasons: readonly MapReviewReason[],
  now: Date,
) {
  const versionId = candidate.versionId!;
  const { facts } = await loadDataFlowFacts(tx, map.toolId, versionId);
  const { reasons: derivation, ...content } = derive(facts);
  const texts = reasons.map((r) => r.text);
  const draft = await unsafeWriteMapVersion(
    tx,
    SYSTEM_ACTOR,
    {
      toolId: map.toolId,
      toolVersionId: versionId,
      previousId: map.id,
      status: 'DERIVED',
      content,
      reasons: derivation,
      note: reviewNote(candidate.version, reasons),
      authorId: null,
      confirmedById: null,
      action: 'dataFlow.reopened',
      review: { reasons: texts, versionId },
    },
    now,
  );
  const dedupeKey = `data-flow-review:${map.id}:${versionId}`;
  if (await tx.alert.findUnique({ where: { dedupeKey }, select: { id: true } })) return;
  const alert = await tx.alert.create({
    data: {
      kind: 'data-flow-review',
      severity: 'MEDIUM',
      title: `${map.toolName} ${candidate.version ?? ''}: the data flow map needs review (${texts.join('; ')})`,
      detail: {
        mapId: draft.id,
        reopenedMapId: map.id,
        version: candidate.version,
        writtenFor: basis.version,
        reasons: texts,
      },
      toolId: map.toolId,
      toolVersionId: versionId,
      dedupeKey,
      createdAt: now,
    },
  });
  await recordAuditEvent(tx, SYSTEM_ACTOR, { action: 'alert.raised', entityType: 'Alert', entityId: alert.id, after: alert });
}

/**
 * The change workflow's hook: a version approved for, or deployed to, an agent is checked against
 * its tool's map like a newly synced one. A map naming no version is taken to describe the
 * tool's latest version (the approval does not move it).
 */
export async function unsafeReopenDataFlowMapsForVersion(
  tx: Prisma.TransactionClient,
  toolVersionId: string,
  now: Date,
): Promise<number> {
  const version = await tx.toolVersion.findUnique({
    where: { id: toolVersionId },
    select: { ...DECLARATION_SELECT, toolId: true, tool: { select: { latestVersionId: true } } },
  });
  if (!version) return 0;
  return unsafeReopenDataFlowMaps(
    tx,
    [
      {
        toolId: version.toolId,
        candidates: [declarationOf(version)],
        latestVersionId: version.tool.latestVersionId,
        fallbackBasisVersionId: version.tool.latestVersionId,
      },
    ],
    now,
  );
}
