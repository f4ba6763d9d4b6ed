import 'server-only';
import { toolHiveArchive } from '@/lib/domain/exports/toolhive-archive';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { ZExportEnvironmentInput, type TExportEnvironmentInput } from '@/lib/validation/export';
import type { ExportFile } from './export-file';
import { buildEnvironmentExports } from './build-exports';

/** Every allowed server's bare ToolHive profile, one file each, in one zip (README lists what was left out). */
export async function exportToolHiveArchive(
  { actor, input }: OperationCall<TExportEnvironmentInput>,
  ctx?: OperationContextInput,
): Promise<ExportFile> {
  const { now } = await operationContext(ctx);
  assertActorCan(actor, 'allowlist:read');
  const { environment } = parseInput(ZExportEnvironmentInput, input);
  const { toolHive } = await buildEnvironmentExports(environment, now);
  return {
    filename: `toolhive-profiles.${environment.toLowerCase()}.zip`,
    contentType: 'application/zip',
    body: toolHiveArchive(environment, now, toolHive.files, toolHive.leftOut),
    leftOut: toolHive.leftOut,
  };
}
