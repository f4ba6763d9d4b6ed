import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { getPolicyException } from '@/lib/server/exceptions/get-policy-exception';
import { forbiddenOnRefusal } from '@/lib/server/guards/forbidden-on-refusal';
import { AppError } from '@/lib/server/errors';
import { now as serverNow } from '@/lib/server/clock';
import { checkExceptionDecision, checkExceptionExtend, checkExceptionRevoke } from '@/lib/domain/exceptions/state-machine';
import { RULE_LABELS } from '@/lib/domain/policy/evaluate';
import { isPolicyRule } from '@/lib/domain/policy/types';
import { TIER_LABELS } from '@/lib/domain/tiers';
import { ENVIRONMENT_LABELS, type Tier } from '@/lib/domain/types';
import { StandingBadge } from '@/components/exceptions/standing-badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { formatDate, formatDateTime } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { ExceptionDecisionForm, ExceptionRevokeForm } from './exception-actions';

export const metadata: Metadata = { title: 'Policy exception' };

const fact = (label: string, value: React.ReactNode) => (
  <div>
    <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
    <dd className="mt-0.5 text-sm whitespace-pre-line text-slate-900">{value}</dd>
  </div>
);

export default async function ExceptionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('exception:read');
  const { id } = await params;
  const e = await getPolicyException({ actor: actorOf(user), input: { id } }).catch((err: unknown) => {
    if (err instanceof AppError && (err.status === 404 || err.status === 400)) return null;
    // An auditor asking for a record outside their open audits (refused and logged by the read).
    return forbiddenOnRefusal(err);
  });
  if (!e) notFound();
  // The rules the server enforces (lib/domain/exceptions/state-machine.ts): a control not offered says why.
  const decision = checkExceptionDecision({ ...e, now: serverNow(), role: user.role, userId: user.id });
  const mayDecide = can(user.role, 'exception:approve') && decision.ok;
  const decisionNote =
    can(user.role, 'exception:approve') && !decision.ok && decision.code === 'segregation' ? decision.reason : null;
  const mayRevoke = can(user.role, 'exception:approve') && checkExceptionRevoke({ status: e.status, role: user.role }).ok;
  const mayExtend = can(user.role, 'exception:request') && checkExceptionExtend(e).ok;
  const ctx = e.decisionContext;

  return (
    <div className="space-y-6" data-testid="exception" data-exception-id={e.id}>
      <PageHeader
        title={`Exception: ${e.toolName} ${e.scope}`}
        description={
          <>
            In {ENVIRONMENT_LABELS[e.environment]}, until {formatDate(e.expiresAt)} (UTC)
          </>
        }
        actions={
          <span className="flex items-center gap-2">
            <StandingBadge standing={e.standing} />
            {mayExtend && (
              <Link
                href={`/exceptions/new?toolId=${e.toolId}&environment=${e.environment}${e.toolVersionId ? `&toolVersionId=${e.toolVersionId}` : ''}&extendsId=${e.id}`}
                className={buttonClass('secondary', 'sm')}
              >
                Extend (new request)
              </Link>
            )}
          </span>
        }
      />
      {e.reopenReason && e.status === 'REQUESTED' && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="reopen-reason">
          Reopened for review on {formatDateTime(e.reopenedAt)}: {e.reopenReason}. It covers nothing until approved again.
        </p>
      )}
      <Card title="Request">
        <dl className="grid gap-4 sm:grid-cols-2">
          {fact(
            'Tool',
            <Link href={`/inventory/${e.toolId}`} className="text-indigo-700 hover:underline">
              {e.toolName}
            </Link>,
          )}
          {fact('Versions', <span className="font-mono">{e.scope}</span>)}
          {fact('Rules covered', e.rules.map((r) => (isPolicyRule(r) ? RULE_LABELS[r] : r)).join(', '))}
          {fact('Requested by', `${e.requesterName} on ${formatDateTime(e.createdAt)}`)}
          {fact('Business justification', e.justification)}
          {fact('Compensating controls', e.compensatingControls)}
          {fact('Remediation plan', e.remediationPlan)}
          {fact('Remediation by', formatDate(e.remediationDate))}
          {e.extendsId &&
            fact(
              'Extends',
              <Link href={`/exceptions/${e.extendsId}`} className="text-indigo-700 hover:underline">
                the earlier exception
              </Link>,
            )}
          {e.extensions.length > 0 &&
            fact(
              'Extended by',
              e.extensions.map((x) => (
                <Link key={x.id} href={`/exceptions/${x.id}`} className="mr-2 text-indigo-700 hover:underline">
                  request until {formatDate(x.expiresAt)} ({x.status.toLowerCase()})
                </Link>
              )),
            )}
        </dl>
      </Card>
      <Card title="Decision">
        {e.decidedAt ? (
          <dl className="grid gap-4 sm:grid-cols-2" data-testid="decision">
            {fact('Decided by', `${e.deciderName ?? '—'} on ${formatDateTime(e.decidedAt)}`)}
            {fact('Comment', e.decisionComment || '—')}
            {e.revokedAt &&
              fact('Revoked', `${e.revokerName ?? '—'} on ${formatDateTime(e.revokedAt)}: ${e.revocationReason ?? ''}`)}
          </dl>
        ) : (
          <p className="text-sm text-slate-600">Awaiting a security reviewer.</p>
        )}
        {ctx && (
          <div className="mt-4" data-testid="frozen-context">
            <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">
              Context frozen at the decision ({ENVIRONMENT_LABELS[e.environment]} policy v{ctx.policy.version})
            </h3>
            <table className="mt-1 w-full text-sm">
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th className="py-1">Version</th>
                  <th>Tier</th>
                  <th>Trust score</th>
                  <th>Permissions (network · filesystem · code · data)</th>
                </tr>
              </thead>
              <tbody>
                {ctx.versions.map((v) => (
                  <tr key={v.id} className="border-t border-slate-100">
                    <td className="py-1 font-mono">{v.version}</td>
                    <td>{TIER_LABELS[v.tier as Tier] ?? v.tier}</td>
                    <td>{v.trustScore ?? '—'}</td>
                    <td className="font-mono text-xs">
                      {[v.permissions.network, v.permissions.filesystem, v.permissions.codeExecution, v.permissions.dataAccess]
                        .map((p) => p.toLowerCase())
                        .join(' · ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {mayDecide && (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <ExceptionDecisionForm id={e.id} />
          </div>
        )}
        {decisionNote && <p className="mt-4 text-sm text-slate-600">{decisionNote}</p>}
        {mayRevoke && (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <ExceptionRevokeForm id={e.id} />
          </div>
        )}
      </Card>
    </div>
  );
}
