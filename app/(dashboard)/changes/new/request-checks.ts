import type { RequestFormContext } from '@/lib/server/inventory/get-request-form-context';

type Installation = RequestFormContext['installations'][number];

/**
 * The form's own reading of a request before it is sent: what the agent already runs of this
 * tool, and whether the kind of change fits it. The server decides again on submit; this only
 * tells the person early and in words.
 */
export function requestCheck(
  kind: string,
  agentId: string,
  toolId: string | undefined,
  installations: Installation[],
): { current: Installation | null; error: string | null } {
  if (!agentId || !toolId) return { current: null, error: null };
  // A blocked version is history, as on the server: it neither counts as run nor as replaceable.
  const current = installations.find((i) => i.agentId === agentId && i.toolId === toolId && i.state !== 'BLOCKED') ?? null;
  if (kind === 'NEW_TOOL' && current)
    return {
      current,
      error: `This agent already runs this tool (version ${current.version}, ${current.state.toLowerCase()}). Choose "Version update" instead.`,
    };
  if ((kind === 'VERSION_UPDATE' || kind === 'PERMISSION_CHANGE' || kind === 'REMOVAL') && !current)
    return { current, error: 'This agent does not run this tool yet. Choose "New tool" instead.' };
  return { current, error: null };
}
