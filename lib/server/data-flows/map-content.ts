import type { DataFlowMap, Prisma } from '@prisma/client';
import {
  isDataClass,
  isDestinationKind,
  type DataFlowContent,
  type DataFlowDestination,
  type DataFlowInput,
  type DerivationReason,
} from '@/lib/domain/data-flows/types';

function rows(json: Prisma.JsonValue): Record<string, unknown>[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((r) => (r && typeof r === 'object' && !Array.isArray(r) ? [r as Record<string, unknown>] : []));
}

/** A stored map's content, read back defensively: a row that does not fit the types is skipped. */
export function contentOf(row: Pick<DataFlowMap, 'inputs' | 'destinations' | 'processing' | 'retention'>): DataFlowContent {
  const inputs: DataFlowInput[] = rows(row.inputs).flatMap((r) =>
    typeof r.name === 'string' && isDataClass(r.classification)
      ? [{ name: r.name, classification: r.classification, needed: r.needed === true }]
      : [],
  );
  const destinations: DataFlowDestination[] = rows(row.destinations).flatMap((r) =>
    isDestinationKind(r.kind)
      ? [
          {
            kind: r.kind,
            ...(typeof r.host === 'string' ? { host: r.host } : r.host === null ? { host: null } : {}),
            ...(typeof r.note === 'string' ? { note: r.note } : {}),
          },
        ]
      : [],
  );
  return { inputs, destinations, processing: row.processing, retention: row.retention };
}

export function reasonsOf(row: Pick<DataFlowMap, 'reasons'>): DerivationReason[] {
  return rows(row.reasons).flatMap((r) =>
    typeof r.subject === 'string' && typeof r.reason === 'string' ? [{ subject: r.subject, reason: r.reason }] : [],
  );
}

/** What the audit trail keeps of a version: enough to show what changed between two. */
export function auditSnapshot(row: DataFlowMap) {
  return {
    toolId: row.toolId,
    revision: row.revision,
    status: row.status,
    ...contentOf(row),
    subprocessor: row.subprocessor,
    externalHosts: row.externalHosts,
    // Why ToolLedger asked for a review (empty once a person confirmed): shows when it opened and closed.
    reviewReasons: row.reviewReasons,
  };
}
