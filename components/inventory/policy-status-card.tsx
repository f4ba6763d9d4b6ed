import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatDate } from '@/components/ui/format';
import { RULE_LABELS } from '@/lib/domain/policy/evaluate';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import type { PolicyStatus } from '@/lib/server/overview/policy-status';

/**
 * Does this tool's latest version pass policy, environment by environment: the failing rules,
 * the exception that covers them, and a link to request it where the person may.
 */
export function PolicyStatusCard({
  statuses,
  toolId,
  toolVersionId,
  version,
  canRequest,
}: {
  statuses: PolicyStatus[];
  toolId: string;
  toolVersionId: string;
  version: string;
  canRequest: boolean;
}) {
  return (
    <div className="grid gap-3 md:grid-cols-3" data-testid="policy-status">
      {statuses.map((s) => {
        const status = !s.passes ? 'fail' : s.covered.length ? 'exception' : 'pass';
        const request = `/changes/new?${new URLSearchParams({ toolId, toolVersionId, environment: s.environment }).toString()}`;
        return (
          <section
            key={s.environment}
            className="rounded-md p-3 ring-1 ring-slate-200"
            data-testid={`policy-status-${s.environment}`}
            data-status={status}
            aria-label={`${ENVIRONMENT_LABELS[s.environment]} policy`}
          >
            <header className="flex items-center justify-between gap-2">
              <h3 className="text-sm font-semibold text-slate-800">
                {ENVIRONMENT_LABELS[s.environment]} <span className="font-normal text-slate-500">policy v{s.policyVersion}</span>
              </h3>
              <Badge tone={status === 'fail' ? 'red' : status === 'exception' ? 'yellow' : 'green'}>
                {status === 'fail' ? 'Fails' : status === 'exception' ? 'Passes by exception' : 'Passes'}
              </Badge>
            </header>
            {s.blocking.length > 0 && (
              <ul className="mt-2 space-y-1 text-xs text-rose-800">
                {s.blocking.map((b) => (
                  <li key={b.rule}>
                    <span className="font-medium">{RULE_LABELS[b.rule]}:</span> {b.reason}
                  </li>
                ))}
              </ul>
            )}
            {s.covered.length > 0 && (
              <ul className="mt-2 space-y-1 text-xs text-amber-800">
                {s.covered.map((c) => (
                  <li key={c.rule}>
                    {RULE_LABELS[c.rule]}: covered by exception {c.exceptionId.slice(-8)} until {formatDate(c.expiresAt)}
                  </li>
                ))}
              </ul>
            )}
            {status === 'pass' && <p className="mt-2 text-xs text-slate-500">Version {version} meets every rule.</p>}
            {canRequest && (
              <Link href={request} className="mt-2 inline-block text-xs font-medium text-indigo-700 hover:underline">
                Request for {ENVIRONMENT_LABELS[s.environment]} →
              </Link>
            )}
          </section>
        );
      })}
    </div>
  );
}
