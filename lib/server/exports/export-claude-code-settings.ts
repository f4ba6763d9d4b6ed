import 'server-only';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { ZExportEnvironmentInput, type TExportEnvironmentInput } from '@/lib/validation/export';
import type { ExportFile } from './export-file';
import { buildEnvironmentExports } from './build-exports';

/** managed-settings.json for Claude Code: only what enforcement allows, pinned by command or URL. */
export async function exportClaudeCodeSettings(
  { actor, input }: OperationCall<TExportEnvironmentInput>,
  ctx?: OperationContextInput,
): Promise<ExportFile> {
  const { now } = await operationContext(ctx);
  assertActorCan(actor, 'allowlist:read');
  const { environment } = parseInput(ZExportEnvironmentInput, input);
  const { claudeCode } = await buildEnvironmentExports(environment, now);
  return {
    filename: `managed-settings.${environment.toLowerCase()}.json`,
    contentType: 'application/json; charset=utf-8',
    body: `${JSON.stringify(claudeCode.settings, null, 2)}\n`,
    leftOut: claudeCode.leftOut,
  };
}
