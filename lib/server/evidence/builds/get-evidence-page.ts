import 'server-only';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { knownSigningKeys } from '../signing-key';

const TOOL_CHOICES = 500;

/**
 * What /evidence shows besides the builds: the signing keys (id, fingerprint, PEM: the public
 * half an auditor compares with a pack's README) and the tools a pack can be scoped to.
 */
export async function getEvidencePage({ actor }: OperationCall<Record<string, never>>, ctx?: OperationContextInput) {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'evidence:read');
  const [keys, tools, toolCount] = await Promise.all([
    knownSigningKeys(db),
    db.tool.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], take: TOOL_CHOICES, select: { id: true, name: true } }),
    db.tool.count(),
  ]);
  return { keys, tools, toolsTruncated: toolCount > tools.length };
}
