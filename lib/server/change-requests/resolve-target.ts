import 'server-only';
import type { Prisma } from '@prisma/client';
import { badRequest, conflict } from '@/lib/server/errors';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import type { TCreateChangeRequestInput } from '@/lib/validation/change-request';

const field = (path: string, message: string) => badRequest(message, [{ path, message }]);
const LIVE = ['APPROVED', 'ACTIVE'] as const;

/**
 * Looks up and cross-checks what a request names: the agent, its environment, the version (for a
 * removal, the version the agent runs) and, for updates, the version it replaces. Every mismatch
 * is a 400 on the field at fault, before anything is written.
 */
export async function resolveTarget(tx: Prisma.TransactionClient, data: TCreateChangeRequestInput) {
  const agent = await tx.agent.findUnique({ where: { id: data.agentId }, select: { id: true, name: true, environment: true } });
  if (!agent) throw field('agentId', `Unknown agent: ${data.agentId}`);
  if (agent.environment !== data.environment) {
    throw field(
      'environment',
      `${agent.name} runs in ${ENVIRONMENT_LABELS[agent.environment]}, not ${ENVIRONMENT_LABELS[data.environment]}`,
    );
  }
  let versionId = data.toolVersionId;
  if (data.kind === 'REMOVAL' && !versionId) {
    const inst = await tx.installation.findFirst({
      where: { agentId: agent.id, toolId: data.toolId, state: { in: [...LIVE] } },
      select: { toolVersionId: true },
    });
    if (!inst) throw field('toolId', `${agent.name} has no approved or active installation of that tool to remove`);
    versionId = inst.toolVersionId;
  }
  const version = await tx.toolVersion.findUnique({
    where: { id: versionId },
    select: { id: true, toolId: true, version: true, artifactDigest: true, tool: { select: { name: true } } },
  });
  if (!version) throw field('toolVersionId', `Unknown tool version: ${versionId}`);
  if (data.toolId && data.toolId !== version.toolId) throw field('toolVersionId', 'That version belongs to another tool');
  const label = `${version.tool.name} ${version.version}`;

  const installed = await tx.installation.findMany({
    where: { agentId: agent.id, toolId: version.toolId },
    select: { toolVersionId: true, state: true },
  });
  const same = installed.find((i) => i.toolVersionId === version.id);
  if (same?.state === 'BLOCKED') throw conflict(`${label} is blocked for ${agent.name}; it cannot be requested again`);
  // What the agent has of this tool: every installation not revoked (a blocked other version is
  // history, so a new version may still be requested as a new tool).
  const held = installed.filter((i) => i.state !== 'REVOKED' && i.state !== 'BLOCKED');
  const other = installed.find((i) => i.toolVersionId !== version.id && (LIVE as readonly string[]).includes(i.state));
  let fromVersionId: string | null = null;
  switch (data.kind) {
    case 'NEW_TOOL':
      if (same && same.state !== 'REVOKED')
        throw field('toolVersionId', `${agent.name} already has ${label} (${same.state.toLowerCase()})`);
      if (held.length > 0)
        throw field(
          'toolVersionId',
          `${agent.name} already runs ${version.tool.name} (${held.map((h) => h.state.toLowerCase()).join(', ')}): request a version update instead`,
        );
      break;
    case 'VERSION_UPDATE':
    case 'PERMISSION_CHANGE':
      if (held.length === 0)
        throw field('toolVersionId', `${agent.name} runs no version of ${version.tool.name}: request a new tool instead`);
      if (same && (LIVE as readonly string[]).includes(same.state))
        throw field('toolVersionId', `${label} is already ${same.state.toLowerCase()} for ${agent.name}`);
      if (!other)
        throw field(
          'toolVersionId',
          `${agent.name} has no approved version of ${version.tool.name} yet: wait for the open request to be decided`,
        );
      fromVersionId = other.toolVersionId;
      break;
    case 'REMOVAL':
      if (held.length === 0)
        throw field('toolVersionId', `${agent.name} runs no version of ${version.tool.name}: there is nothing to remove`);
      if (!same || !(LIVE as readonly string[]).includes(same.state))
        throw field('toolVersionId', `${agent.name} has no approved or active installation of ${label} to remove`);
      break;
  }
  return { agent, version, label, toolName: version.tool.name, fromVersionId };
}
