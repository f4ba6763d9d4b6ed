import 'server-only';
import { getDatabase } from '@/lib/db/client';
import { toClaudeManagedSettings, type ClaudeManagedSettings } from '@/lib/domain/exports/claude-code';
import { toToolHiveProfiles, type ToolHiveProfileFile } from '@/lib/domain/exports/toolhive';
import type { ExportableVersion, LeftOutServer } from '@/lib/domain/exports/types';
import type { Environment } from '@/lib/domain/types';
import { loadAllowedVersions } from './allowed-versions';

export interface EnvironmentExports {
  environment: Environment;
  generatedAt: Date;
  allowed: ExportableVersion[];
  claudeCode: { settings: ClaudeManagedSettings; leftOut: LeftOutServer[] };
  toolHive: { files: ToolHiveProfileFile[]; leftOut: LeftOutServer[] };
}

/** Both client formats of one environment, compiled from the same allowed set. Callers authorize. */
export async function buildEnvironmentExports(environment: Environment, now: Date): Promise<EnvironmentExports> {
  const allowed = await loadAllowedVersions(await getDatabase(), environment, now);
  return {
    environment,
    generatedAt: now,
    allowed,
    claudeCode: toClaudeManagedSettings(allowed),
    toolHive: toToolHiveProfiles(allowed),
  };
}
