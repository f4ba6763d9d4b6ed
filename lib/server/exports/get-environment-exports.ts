import 'server-only';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { ZExportEnvironmentInput, type TExportEnvironmentInput } from '@/lib/validation/export';
import { buildEnvironmentExports, type EnvironmentExports } from './build-exports';

/** The exports page: what each client file holds for one environment and what was left out, with why. */
export async function getEnvironmentExports(
  { actor, input }: OperationCall<TExportEnvironmentInput>,
  ctx?: OperationContextInput,
): Promise<EnvironmentExports> {
  const { now } = await operationContext(ctx);
  assertActorCan(actor, 'allowlist:read');
  const { environment } = parseInput(ZExportEnvironmentInput, input);
  return buildEnvironmentExports(environment, now);
}
