import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { refusalOrNotFound } from '@/lib/server/guards/forbidden-on-refusal';
import { getToolRisk } from '@/lib/server/risks/get-tool-risk';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDate } from '@/components/ui/format';
import { RiskForm } from '@/components/risks/risk-form';
import { RiskHistory } from '@/components/risks/risk-history';
import { OverdueReviewBadge, RiskScoreBadge } from '@/components/risks/risk-badges';
import { assessRiskAction } from '../actions';

const load = cache(async (toolId: string) =>
  getToolRisk({ actor: actorOf(await requirePageUser('risk:read')), input: { toolId } }).catch(refusalOrNotFound),
);

export async function generateMetadata({ params }: { params: Promise<{ toolId: string }> }): Promise<Metadata> {
  const risk = await load((await params).toolId);
  return { title: risk ? `${risk.tool.name} · Risk` : 'Tool not found' };
}

export default async function ToolRiskPage({ params }: { params: Promise<{ toolId: string }> }) {
  const me = await requirePageUser('risk:read');
  const risk = await load((await params).toolId);
  if (!risk) notFound();
  const { tool, current, suggestion, history } = risk;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/risks" className="text-indigo-700 hover:underline">
          ← Risk register
        </Link>{' '}
        ·{' '}
        <Link href={`/inventory/${tool.id}`} className="text-indigo-700 hover:underline">
          {tool.name} in the inventory
        </Link>
      </p>
      <PageHeader
        title={`Risk of ${tool.name}`}
        actions={
          current && (
            <div className="flex items-center gap-2 text-sm" data-testid="current-risk">
              residual <RiskScoreBadge score={current.residualScore} /> · review by {formatDate(current.nextReviewAt)}
              {current.overdue && <OverdueReviewBadge />}
            </div>
          )
        }
      />
      {can(me.role, 'risk:assess') && (
        <Card title={current ? 'Reassess' : 'Assess'}>
          <RiskForm
            action={assessRiskAction}
            toolId={tool.id}
            versions={tool.versions}
            suggestion={suggestion}
            defaults={{
              previousId: current?.id,
              toolVersionId: current ? current.toolVersionId : tool.latestVersionId,
              controls: current?.controls ?? '',
              residualLikelihood: current?.residualLikelihood,
              residualImpact: current?.residualImpact,
              treatment: current?.treatment,
              owner: current?.owner ?? tool.owner ?? '',
            }}
          />
        </Card>
      )}
      <Card title={`History (${history.length})`}>
        {history.length === 0 ? (
          <EmptyState title="Not assessed yet">
            {can(me.role, 'risk:assess') ? 'Start from the suggestion above.' : 'A compliance officer assesses tools here.'}
          </EmptyState>
        ) : (
          <RiskHistory history={history} />
        )}
      </Card>
    </div>
  );
}
