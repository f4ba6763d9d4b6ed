import { can } from '@/lib/auth/permissions';
import { RULE_LABELS } from '@/lib/domain/policy/evaluate';
import { STAGE_LABELS, STAGE_OF_STATE, type ChangeState, type ChangeKind } from '@/lib/domain/change-requests/state-machine';
import type { Environment } from '@/lib/domain/types';
import { getToolPolicyStatus } from '@/lib/server/inventory/get-tool-policy-status';
import { actorOf, type CurrentUser } from '@/lib/server/session';
import { PolicyFailurePanel } from '@/components/change-requests/policy-failure-panel';

/**
 * The version against the target environment's policy in force now (not the snapshot taken at
 * the request): shown at every stage, above the decision and deploy panels, while it fails.
 */
export async function ChangePolicyStanding({
  request,
  user,
}: {
  request: {
    kind: ChangeKind;
    state: ChangeState;
    environment: Environment;
    toolVersionId: string | null;
    tool: { id: string } | null;
  };
  user: CurrentUser;
}) {
  if (request.kind === 'REMOVAL' || !request.toolVersionId || !request.tool || !can(user.role, 'policy:read')) return null;
  if (request.state === 'REJECTED' || request.state === 'WITHDRAWN') return null;
  const statuses = await getToolPolicyStatus({ actor: actorOf(user), input: { toolVersionId: request.toolVersionId } });
  const status = statuses.find((s) => s.environment === request.environment);
  if (!status || status.passes) return null;
  const stage = STAGE_OF_STATE[request.state];
  const note =
    request.state === 'DEPLOYED'
      ? 'It is deployed, and the enforcement API denies it until an exception is approved.'
      : stage
        ? `${STAGE_LABELS[stage]} may go on, but it cannot be deployed until an exception is approved.`
        : 'Deploying is refused until an approved exception covers every failing rule.';
  return (
    <PolicyFailurePanel
      environment={request.environment}
      failing={status.blocking.map((b) => `${RULE_LABELS[b.rule]}: ${b.reason}`)}
      toolId={request.tool.id}
      toolVersionId={request.toolVersionId}
      canRequest={can(user.role, 'exception:request')}
      note={note}
    />
  );
}
