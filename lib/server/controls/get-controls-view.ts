import 'server-only';
import { evaluateControls, summarizeControlStates, type ControlState } from '@/lib/domain/controls';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { knownSigningKeys } from '@/lib/server/evidence/signing-key';
import { gatherControlFacts } from './gather-control-facts';
import { cachedEvidenceCounts } from './cached-evidence-counts';
import type { CountRange } from './evidence-counts';
import type { PrismaClient } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { auditorWindows } from '@/lib/server/engagements/auditor-scope';

/**
 * The criteria evaluated over `range`: evidence counts reused for a minute (cached-evidence-counts),
 * the audit chain checked from its newest signed checkpoint, the other findings read now.
 */
async function evaluate(db: PrismaClient, range: CountRange, now: Date) {
  const counted = cachedEvidenceCounts(db, range, now);
  const facts = await gatherControlFacts(db, range, { evidence: counted.then((c) => c.counts), chainSinceCheckpoint: true });
  return { evaluations: evaluateControls(facts), countedAt: (await counted).countedAt };
}

/**
 * Every criterion's live state now, for all but auditors. An auditor (ADR 0010) sees the criteria
 * of the audits open to them, with the evidence counted inside those audits only: each audit's
 * period (up to now) and environments, their union, so the gap between two audits' periods
 * counts nothing (as the criterion workspace counts one audit's period). The findings are the
 * state now, as for everyone. No open audit: no criterion.
 */
async function controlsFor(db: PrismaClient, actor: Actor, now: Date) {
  const windows = await auditorWindows(db, actor, now);
  if (!windows) return evaluate(db, { to: now }, now);
  if (windows.length === 0) return { evaluations: [], countedAt: now };
  const audits = await db.auditEngagement.findMany({
    where: { id: { in: windows.map((w) => w.engagementId) } },
    select: { criteria: true },
  });
  const criteria = new Set(audits.flatMap((a) => a.criteria));
  // The facts' own span (the audit chain check, the as-of time): the earliest start to the latest end, up to now.
  const from = new Date(Math.min(...windows.map((w) => w.from.getTime())));
  const to = new Date(Math.min(Math.max(...windows.map((w) => w.to.getTime())), now.getTime()));
  const { evaluations, countedAt } = await evaluate(db, { from, to, slices: windows }, now);
  return { evaluations: evaluations.filter((e) => criteria.has(e.control.id)), countedAt };
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

/**
 * The /controls page: every criterion in scope with its state now, and the signing keys. The
 * record counts may be up to a minute old (`countedAt`); the findings and the chain are read now.
 */
export async function getControlsView({ actor }: OperationCall<Record<string, never>>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'evidence:read');
  const { evaluations, countedAt } = await controlsFor(db, actor, now);
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
  return {
    rows,
    totals: summarizeControlStates(evaluations),
    keys,
    asOf: now.toISOString(),
    /** When the evidence counts were taken: up to EVIDENCE_COUNTS_TTL_MS before `asOf`. */
    countedAt: countedAt.toISOString(),
  };
}
