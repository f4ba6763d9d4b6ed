import 'server-only';
import { randomBytes } from 'node:crypto';
import type { SqlSession } from '@/lib/db/driver';

export interface DecisionRow {
  createdAt: Date;
  apiKeyId: string | null;
  agentName: string;
  agentId: string | null;
  toolName: string;
  toolId: string | null;
  version: string;
  toolVersionId: string | null;
  artifactDigest: string | null;
  action: 'INSTALL' | 'INVOKE';
  outcome: 'ALLOW' | 'DENY';
  reasons: unknown;
  policyId: string | null;
  policyVersion: number | null;
  exceptionId: string | null;
  changeRequestId: string | null;
}

/** Time-ordered, collision-safe id in the same shape family as Prisma's cuid (c + base36). */
export function newDecisionId(now: Date): string {
  return `c${now.getTime().toString(36)}${randomBytes(10).toString('hex')}`;
}

const INSERT = `
INSERT INTO "EnforcementDecision"
  ("id", "createdAt", "apiKeyId", "agentName", "agentId", "toolName", "toolId", "version", "toolVersionId", "artifactDigest",
   "action", "outcome", "reasons", "policyId", "policyVersion", "exceptionId", "changeRequestId")
VALUES ($1, $2::timestamp, $3, $4, $5, $6, $7, $8, $9, $10, $11::"EnforcementAction", $12::"EnforcementOutcome", $13::jsonb, $14, $15, $16, $17)`;

/**
 * Appends one decision with a single parameterized INSERT (the hot path: one per enforce call).
 * The timestamp is written as UTC, as Prisma writes it (the column has no time zone).
 */
export async function insertEnforcementDecision(db: SqlSession, row: DecisionRow): Promise<string> {
  const id = newDecisionId(row.createdAt);
  await db.query(INSERT, [
    id,
    row.createdAt.toISOString(),
    row.apiKeyId,
    row.agentName,
    row.agentId,
    row.toolName,
    row.toolId,
    row.version,
    row.toolVersionId,
    row.artifactDigest,
    row.action,
    row.outcome,
    JSON.stringify(row.reasons),
    row.policyId,
    row.policyVersion,
    row.exceptionId,
    row.changeRequestId,
  ]);
  return id;
}
