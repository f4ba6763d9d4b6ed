import 'server-only';
import type { EvidencePackBuild } from '@prisma/client';

/** What the pages and the polling endpoint show of a build (never the file path on disk). */
export interface EvidencePackBuildView {
  id: string;
  periodFrom: string;
  periodTo: string;
  environments: string[];
  toolIds: string[];
  engagementId: string | null;
  state: EvidencePackBuild['state'];
  stepsDone: number;
  stepsTotal: number;
  currentStep: string | null;
  cancelRequested: boolean;
  requestedBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  sha256: string | null;
  sizeBytes: number | null;
  keyId: string | null;
  recordsTotal: number | null;
  error: string | null;
}

export const BUILD_VIEW_INCLUDE = { requestedBy: { select: { name: true, email: true } } } as const;

export function toBuildView(b: EvidencePackBuild & { requestedBy: { name: string; email: string } }): EvidencePackBuildView {
  return {
    id: b.id,
    periodFrom: b.periodFrom,
    periodTo: b.periodTo,
    environments: b.environments,
    toolIds: b.toolIds,
    engagementId: b.engagementId,
    state: b.state,
    stepsDone: b.stepsDone,
    stepsTotal: b.stepsTotal,
    currentStep: b.currentStep,
    cancelRequested: b.cancelRequestedAt !== null,
    requestedBy: b.requestedBy.name || b.requestedBy.email,
    createdAt: b.createdAt.toISOString(),
    startedAt: b.startedAt?.toISOString() ?? null,
    finishedAt: b.finishedAt?.toISOString() ?? null,
    sha256: b.sha256,
    sizeBytes: b.sizeBytes,
    keyId: b.keyId,
    recordsTotal: b.recordsTotal,
    error: b.error,
  };
}
