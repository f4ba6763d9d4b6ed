import 'server-only';
import { getDatabase } from '@/lib/db/client';
import { now as clockNow } from '@/lib/server/clock';
import { printable } from '@/lib/validation/text';
import { decisionWriterFor } from './decision-writer';

const MAX = 200;

function field(raw: unknown, name: string): string {
  const v = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>)[name] : undefined;
  if (typeof v !== 'string' || !v.trim()) return '(missing)';
  // A NUL in a refused request would make the log write itself fail: the attempt must still be logged.
  return printable(v.trim()).slice(0, MAX);
}

/**
 * Logs an enforce attempt refused before a decision (bad input, revoked/expired/wrong-scope key,
 * body too large) as a DENY with the refusal as its reason. Only attempts made with a key we
 * issued are written: anonymous or unknown-key calls go to the server log instead, so that
 * strangers cannot fill the decision table.
 */
export async function logRejectedAttempt(a: { apiKeyId: string; raw: unknown; status: number; message: string }): Promise<void> {
  const action = field(a.raw, 'action').toLowerCase() === 'install' ? 'INSTALL' : 'INVOKE';
  const digest = field(a.raw, 'artifactDigest');
  try {
    await decisionWriterFor(await getDatabase()).write({
      createdAt: clockNow(),
      apiKeyId: a.apiKeyId,
      agentName: field(a.raw, 'agent'),
      agentId: null,
      toolName: field(a.raw, 'tool'),
      toolId: null,
      version: field(a.raw, 'version'),
      toolVersionId: null,
      artifactDigest: digest === '(missing)' ? null : digest,
      action,
      outcome: 'DENY',
      reasons: [{ code: 'invalid-request', message: printable(`${a.status}: ${a.message}`) }],
      policyId: null,
      policyVersion: null,
      exceptionId: null,
      changeRequestId: null,
    });
  } catch (err) {
    console.error('could not log rejected enforce attempt', err);
  }
}

export function logAnonymousAttempt(req: Request, status: number, message: string): void {
  const from = req.headers.get('x-forwarded-for') ?? 'direct';
  console.warn(`[enforce] refused unauthenticated attempt (${status} ${message}) from ${from}`);
}
