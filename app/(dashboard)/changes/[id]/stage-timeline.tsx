import { Badge } from '@/components/ui/badge';
import { STAGE_LABELS, STAGE_OF_STATE, stagesFor } from '@/lib/domain/change-requests/state-machine';
import type { ChangeRequestDetail } from '@/lib/server/change-requests/get-change-request';
import { dateTime } from '../change-badges';

/** Raised → compliance review → security review (when triggered) → deployed, each with who and when. */
export function StageTimeline({ request }: { request: ChangeRequestDetail }) {
  const current = STAGE_OF_STATE[request.state];
  return (
    <ol className="space-y-3 text-sm" aria-label="Stages">
      <li className="flex gap-3">
        <Badge tone="gray">Raised</Badge>
        <span>
          by {request.requesterName} · {dateTime.format(request.createdAt)} UTC
        </span>
      </li>
      {stagesFor(request.requiresSecurityReview).map((stage) => {
        const a = request.approvals.find((x) => x.stage === stage);
        return (
          <li key={stage} className="flex flex-wrap gap-3" data-testid={`stage-${stage}`}>
            <Badge tone={a ? (a.decision === 'APPROVED' ? 'green' : 'red') : current === stage ? 'yellow' : 'gray'}>
              {STAGE_LABELS[stage]}
            </Badge>
            {a ? (
              <span>
                {a.decision === 'APPROVED' ? 'Approved' : 'Rejected'} by {a.reviewerName} · {dateTime.format(a.createdAt)} UTC
                {a.comment && <span className="block text-slate-600">“{a.comment}”</span>}
              </span>
            ) : (
              <span className="text-slate-500">
                {current === stage
                  ? 'Waiting for a decision'
                  : request.state === 'WITHDRAWN' || request.state === 'REJECTED'
                    ? 'Not reached'
                    : 'After the previous stage'}
              </span>
            )}
          </li>
        );
      })}
      <li className="flex gap-3">
        <Badge tone={request.deployedAt ? 'indigo' : 'gray'}>Deployed</Badge>
        <span className="text-slate-600">
          {request.deployedAt
            ? `${dateTime.format(request.deployedAt)} UTC`
            : request.state === 'APPROVED'
              ? 'Approved, not yet deployed'
              : '—'}
        </span>
      </li>
    </ol>
  );
}
