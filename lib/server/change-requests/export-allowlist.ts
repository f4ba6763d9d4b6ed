import 'server-only';
import type { Environment } from '@prisma/client';
import { getPrisma } from '@/lib/db/client';
import { toClaudeManagedSettings, toToolHiveExport, type ApprovedToolVersion } from '@/lib/domain/allowlist-export';

/**
 * Remote endpoints, when the connector kept the registry's `remotes` in declaredPermissions
 * ({ remotes: [{ url }] }) — MCP registry server.json shape. Anything else yields none.
 */
function remoteUrlsOf(declared: unknown): string[] {
  if (!declared || typeof declared !== 'object') return [];
  const remotes = (declared as { remotes?: unknown }).remotes;
  if (!Array.isArray(remotes)) return [];
  return remotes.flatMap((r) => (r && typeof r === 'object' && typeof (r as { url?: unknown }).url === 'string' ? [(r as { url: string }).url] : []));
}

/** The approved set in one environment: versions with at least one APPROVED or ACTIVE installation. */
export async function approvedToolVersions(environment: Environment): Promise<ApprovedToolVersion[]> {
  const prisma = await getPrisma();
  const installs = await prisma.installation.findMany({
    where: { environment, state: { in: ['APPROVED', 'ACTIVE'] } },
    select: {
      approvedDigest: true,
      toolVersion: { select: { id: true, version: true, network: true, filesystem: true, codeExecution: true, dataAccess: true, allowedDomains: true, declaredPermissions: true } },
      tool: { select: { externalId: true, name: true } },
    },
  });
  const byVersion = new Map<string, ApprovedToolVersion>();
  for (const i of installs) {
    const v = i.toolVersion;
    if (byVersion.has(v.id)) continue;
    byVersion.set(v.id, {
      externalId: i.tool.externalId,
      name: i.tool.name,
      version: v.version,
      artifactDigest: i.approvedDigest,
      permissions: { network: v.network, filesystem: v.filesystem, codeExecution: v.codeExecution, dataAccess: v.dataAccess },
      allowedDomains: v.allowedDomains,
      remoteUrls: remoteUrlsOf(v.declaredPermissions),
    });
  }
  return [...byVersion.values()];
}

export type ExportFormat = 'claude-code' | 'toolhive';

/** The file a client enforces natively: Claude Code managed settings or ToolHive permission profiles. */
export async function exportAllowlist(format: ExportFormat, environment: Environment, now = new Date()): Promise<{ filename: string; body: unknown }> {
  const tools = await approvedToolVersions(environment);
  const env = environment.toLowerCase();
  if (format === 'claude-code') return { filename: `managed-settings.${env}.json`, body: toClaudeManagedSettings(tools) };
  return { filename: `toolhive-permission-profiles.${env}.json`, body: toToolHiveExport(environment, tools, now) };
}
