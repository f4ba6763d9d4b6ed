import 'server-only';
import { evaluateControls, summarizeControlStates, type ControlState } from '@/lib/domain/controls';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { knownSigningKeys } from '@/lib/server/evidence/signing-key';
import { gatherControlFacts } from './gather-control-facts';
import type { PrismaClient } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { auditorWindows } from '@/lib/server/engagements/auditor-scope';

/**
 * Every criterion's live state now, for all but auditors. An auditor (ADR 0010) sees the criteria
 * of the audits open to them, with the evidence counted inside those audits only: each audit's
 * period (up to now) and environments, their union, so the gap between two audits' periods
 * counts nothing (as the criterion workspace counts one audit's period). The findings are the
 * state now, as for everyone. No open audit: no criterion.
 */
async function controlsFor(db: PrismaClient, actor: Actor, now: Date) {
  const windows = await auditorWindows(db, actor, now);
  if (!windows) return evaluateControls(await gatherControlFacts(db, { to: now }));
  if (windows.length === 0) return [];
  const audits = await db.auditEngagement.findMany({
    where: { id: { in: windows.map((w) => w.engagementId) } },
    select: { criteria: true },
  });
  const criteria = new Set(audits.flatMap((a) => a.criteria));
  // The facts' own span (the audit chain check, the as-of time): the earliest start to the latest end, up to now.
  const from = new Date(Math.min(...windows.map((w) => w.from.getTime())));
  const to = new Date(Math.min(Math.max(...windows.map((w) => w.to.getTime())), now.getTime()));
  const facts = await gatherControlFacts(db, { from, to, slices: windows });
  return evaluateControls(facts).filter((e) => criteria.has(e.control.id));
}

export interface ControlRow {
  id: string;
  category: string;
  summary: string;
  evidencedBy: string;
  state: ControlState;
  findings: { state: 'gap' | 'stale'; reason: string }[];
  evidence: {
    kind: string;
    label: string;
    files: readonly string[];
    kept: boolean;
    count: number | null;
    latestAt: string | null;
  }[];
}

/** The /controls page: every criterion in scope with its live state now, and the signing keys. */
export async function getControlsView({ actor }: OperationCall<Record<string, never>>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'evidence:read');
  const evaluations = await controlsFor(db, actor, now);
  const rows: ControlRow[] = evaluations.map((e) => ({
    id: e.control.id,
    category: e.control.category,
    summary: e.control.summary,
    evidencedBy: e.control.evidencedBy,
    state: e.state,
    findings: e.findings,
    evidence: e.evidence.map((k) => ({
      kind: k.kind,
      label: k.label,
      files: k.files,
      kept: k.kept,
      count: k.records?.count ?? null,
      latestAt: k.records?.latestAt?.toISOString() ?? null,
    })),
  }));
  const keys = (await knownSigningKeys(db)).map((k) => ({
    ...k,
    createdAt: k.createdAt.toISOString(),
    retiredAt: k.retiredAt?.toISOString() ?? null,
  }));
  return { rows, totals: summarizeControlStates(evaluations), keys, asOf: now.toISOString() };
}
