import 'server-only';
import { evaluateControls, summarizeControlStates, type ControlState } from '@/lib/domain/controls';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { knownSigningKeys } from '@/lib/server/evidence/signing-key';
import { gatherControlFacts } from './gather-control-facts';

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
  const evaluations = evaluateControls(await gatherControlFacts(db, { to: now }));
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
