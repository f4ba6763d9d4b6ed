import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { refusalOrNotFound } from '@/lib/server/guards/forbidden-on-refusal';
import { getAgentDataFlow } from '@/lib/server/data-flows/get-agent-data-flow';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import { FlowDiagram } from '@/components/flows/flow-diagram';
import { DataFlowStatusBadge } from '@/components/flows/data-flow-badges';

const load = cache(async (agentId: string) =>
  getAgentDataFlow({ actor: actorOf(await requirePageUser('dataFlow:read')), input: { agentId } }).catch(refusalOrNotFound),
);

export async function generateMetadata({ params }: { params: Promise<{ agentId: string }> }): Promise<Metadata> {
  const flow = await load((await params).agentId);
  return { title: flow ? `${flow.agent.name} · Data flows` : 'Agent not found' };
}

export default async function AgentDataFlowPage({ params }: { params: Promise<{ agentId: string }> }) {
  await requirePageUser('dataFlow:read');
  const flow = await load((await params).agentId);
  if (!flow) notFound();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/data-flows" className="text-indigo-700 hover:underline">
          ← Data flow maps
        </Link>
      </p>
      <PageHeader
        title={`Data flows of ${flow.agent.name}`}
        description={`Every tool the agent has installed (${ENVIRONMENT_LABELS[flow.agent.environment]}) and where each sends its data.`}
      />
      <Card title="Diagram">
        <FlowDiagram layout={flow.layout} label={`Data flows of ${flow.agent.name}`} />
      </Card>
      <Card title={`Tools (${flow.tools.length})`}>
        <ul className="space-y-1 text-sm">
          {flow.tools.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/data-flows/${t.id}`} className="font-medium text-indigo-700 hover:underline">
                {t.name}
              </Link>
              {t.status ? <DataFlowStatusBadge status={t.status} /> : <Badge>Not mapped</Badge>}
              {t.summary?.subprocessor && <Badge tone="red">Subprocessor: {t.summary.externalHosts.join(', ')}</Badge>}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
