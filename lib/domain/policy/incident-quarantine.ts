// Quarantine by an incident (issue 14.6): distinct from the registry's quarantine flag, which the
// policy rule 'not-quarantined' judges (and an exception may never cover). An incident quarantine
// is not a policy rule at all: nothing covers it, and its reason names the incident so the agent
// (and whoever reads the enforcement log) knows where to look.

/** A quarantine in force, as the enforcement facts carry it. */
export interface QuarantineFacts {
  id: string;
  toolId: string;
  incidentId: string;
  incidentNumber: number;
  reason: string;
  /** Empty: every version of the tool. */
  toolVersionIds: readonly string[];
}

/** The quarantines in force that hold this version (whole-tool ones and those naming it). */
export function quarantinesHolding(
  quarantines: readonly QuarantineFacts[],
  version: { toolId?: string; toolVersionId?: string },
): QuarantineFacts[] {
  return quarantines.filter(
    (q) =>
      q.toolId === version.toolId &&
      (q.toolVersionIds.length === 0 ||
        (version.toolVersionId !== undefined && q.toolVersionIds.includes(version.toolVersionId))),
  );
}

export function quarantineMessage(q: QuarantineFacts, label: string): string {
  const scope = q.toolVersionIds.length === 0 ? 'every version of the tool' : label;
  return `Quarantined by incident INC-${q.incidentNumber}: ${scope} is held while the incident is handled (${q.reason}).`;
}
