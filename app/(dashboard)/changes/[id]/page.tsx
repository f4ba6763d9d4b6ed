import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { getChangeRequest } from '@/lib/server/change-requests/get-change-request';
import { AppError } from '@/lib/server/errors';
import {
  CHANGE_KIND_LABELS,
  checkDecision,
  checkDeploy,
  checkWithdraw,
  STAGE_LABELS,
} from '@/lib/domain/change-requests/state-machine';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { ChangeStateBadge, dateTime, OverdueBadge } from '../change-badges';
import { SnapshotCard } from './snapshot-card';
import { StageTimeline } from './stage-timeline';
import { CommentForm, DecisionForm, DeployButton, WithdrawButton } from './request-actions';
import { ChangePolicyStanding } from './change-policy-standing';

export const metadata: Metadata = { title: 'Change request' };

export default async function ChangeRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('changeRequest:read');
  const { id } = await params;
  const request = await getChangeRequest({ actor: actorOf(user), input: { id } }).catch((err: unknown) => {
    // An id that cannot exist (400) is as unknown as one that does not (404).
    if (err instanceof AppError && (err.status === 404 || err.status === 400)) return null;
    // An auditor asking for a request outside their open audits (refused and logged by the read).
    if (err instanceof AppError && err.status === 403) forbidden();
    throw err;
  });
  if (!request) notFound();

  // The same rules the server enforces (lib/domain/change-requests/state-machine.ts): a control not offered says why.
  const decision = checkDecision({
    state: request.state,
    role: user.role,
    userId: user.id,
    requestedById: request.requestedById,
    approvals: request.approvals,
  });
  const deploy = checkDeploy({ state: request.state, userId: user.id, requestedById: request.requestedById });
  const mayDecide = can(user.role, 'changeRequest:review') && decision.ok;
  const mayDeploy = can(user.role, 'changeRequest:deploy') && deploy.ok;
  const mayWithdraw =
    can(user.role, 'changeRequest:create') &&
    checkWithdraw({ state: request.state, role: user.role, userId: user.id, requestedById: request.requestedById }).ok;
  const mayComment = can(user.role, 'changeRequest:comment');
  const decisionNote =
    can(user.role, 'changeRequest:review') && !decision.ok && decision.code === 'segregation' ? decision.reason : null;
  const deployNote = can(user.role, 'changeRequest:deploy') && !deploy.ok && deploy.code === 'segregation' ? deploy.reason : null;
  const fact = (label: string, value: React.ReactNode) => (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{value}</dd>
    </div>
  );

  return (
    <div
      className="space-y-6"
      data-testid="change-request"
      data-tool={request.tool?.externalId ?? request.toolName}
      data-registry={request.tool?.registry.name ?? ''}
      data-version={request.version?.version ?? request.requestedVersion ?? ''}
      data-agent={request.agent?.name ?? ''}
    >
      <PageHeader
        title={`${CHANGE_KIND_LABELS[request.kind]}: ${request.toolName} ${request.requestedVersion ?? ''}`}
        description={
          <>
            For {request.agent?.name ?? 'an unknown agent'} in {ENVIRONMENT_LABELS[request.environment]}
          </>
        }
        actions={
          <span className="flex items-center gap-2" data-testid="request-state">
            <ChangeStateBadge state={request.state} />
            {request.overdue && <OverdueBadge hours={request.hoursOverdue} />}
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Request">
            <dl className="grid gap-4 sm:grid-cols-3">
              {fact(
                'Tool',
                request.tool ? (
                  <Link className="text-indigo-700 hover:underline" href={`/inventory/${request.tool.id}`}>
                    {request.toolName}
                  </Link>
                ) : (
                  request.toolName
                ),
              )}
              {fact('Version', request.version?.version ?? request.requestedVersion ?? '—')}
              {fact('Replaces', request.fromVersion?.version ?? '—')}
              {fact('Agent', <span className="font-mono text-xs">{request.agent?.name ?? '—'}</span>)}
              {fact('Requested by', request.requesterName)}
              {fact(
                'Source',
                request.source === 'FAST_TRACK' ? 'Fast-track' : request.source === 'ENFORCEMENT' ? 'Enforcement API' : 'Person',
              )}
              {fact('Due (UTC)', dateTime.format(request.dueAt))}
              {fact(
                'Installation',
                request.installation ? <Badge tone="gray">{request.installation.state.toLowerCase()}</Badge> : '—',
              )}
              {fact('Security review', request.requiresSecurityReview ? 'Required' : 'Not required')}
            </dl>
            <div className="mt-4 space-y-1 text-sm" data-testid="digest">
              <p>
                <span className="font-medium">Approval covers digest:</span>{' '}
                <code className="font-mono text-xs">{request.artifactDigest ?? 'none published'}</code>
              </p>
              {request.digestChanged && (
                <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-rose-700">
                  The version now has digest <code className="font-mono text-xs">{request.currentDigest ?? 'none'}</code>: the
                  artifact was re-published, so this request cannot be approved. Raise a new request.
                </p>
              )}
              {request.installation?.approvedDigest && (
                <p>
                  <span className="font-medium">Installation approved for:</span>{' '}
                  <code className="font-mono text-xs">{request.installation.approvedDigest}</code>
                </p>
              )}
            </div>
            <p className="mt-4 whitespace-pre-wrap text-sm text-slate-700">{request.justification}</p>
          </Card>
          <SnapshotCard snapshot={request.snapshot} />
          <Card title={`Comments (${request.comments.length})`}>
            <ul className="space-y-3">
              {request.comments.map((c) => (
                <li key={c.id} className="text-sm" data-testid="comment">
                  <p className="text-xs text-slate-500">
                    {c.authorName} · {dateTime.format(c.createdAt)} UTC
                  </p>
                  <p className="whitespace-pre-wrap text-slate-800">{c.body}</p>
                </li>
              ))}
            </ul>
            {mayComment && (
              <div className="mt-4">
                <CommentForm id={request.id} />
              </div>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Stages">
            <StageTimeline request={request} />
          </Card>
          <ChangePolicyStanding request={request} user={user} />
          {mayDecide && decision.ok && (
            <Card title={`Decide: ${STAGE_LABELS[decision.stage]}`}>
              <DecisionForm id={request.id} stage={decision.stage} />
            </Card>
          )}
          {decisionNote && (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="sod-note">
              {decisionNote}.
            </p>
          )}
          {deployNote && (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="deploy-note">
              {deployNote}.
            </p>
          )}
          {mayDeploy && (
            <Card title="Deploy">
              <DeployButton id={request.id} removal={request.kind === 'REMOVAL'} />
            </Card>
          )}
          {mayWithdraw && <WithdrawButton id={request.id} />}
        </div>
      </div>
    </div>
  );
}
