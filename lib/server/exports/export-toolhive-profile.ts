import 'server-only';
import { profileJson } from '@/lib/domain/exports/toolhive-archive';
import { notFound } from '@/lib/server/errors';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { ZToolHiveProfileInput, type TToolHiveProfileInput } from '@/lib/validation/export';
import type { ExportFile } from './export-file';
import { buildEnvironmentExports } from './build-exports';

/** One server's bare ToolHive profile: the file `thv run --permission-profile FILE` loads. */
export async function exportToolHiveProfile(
  { actor, input }: OperationCall<TToolHiveProfileInput>,
  ctx?: OperationContextInput,
): Promise<ExportFile> {
  const { now } = await operationContext(ctx);
  assertActorCan(actor, 'allowlist:read');
  const { environment, file } = parseInput(ZToolHiveProfileInput, input);
  const { toolHive } = await buildEnvironmentExports(environment, now);
  const found = toolHive.files.find((f) => f.fileName === file);
  if (!found)
    throw notFound(
      `ToolHive profile ${file} in the ${environment.toLowerCase()} export (left out, or not allowed by enforcement)`,
    );
  return { filename: found.fileName, contentType: 'application/json; charset=utf-8', body: profileJson(found), leftOut: [] };
}
