import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { refusalOrNotFound } from '@/lib/server/guards/forbidden-on-refusal';
import { getToolDataFlow } from '@/lib/server/data-flows/get-tool-data-flow';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { FlowDiagram } from '@/components/flows/flow-diagram';
import { DataFlowForm } from '@/components/flows/data-flow-form';
import { DataFlowHistory } from '@/components/flows/data-flow-history';
import { MapActionButton } from '@/components/flows/map-action-button';
import { DataFlowFacts } from '@/components/flows/data-flow-facts';
import { DataFlowStatusBadge } from '@/components/flows/data-flow-badges';
import { confirmDataFlowAction, deriveDataFlowAction, saveDataFlowAction } from '../actions';

const load = cache(async (toolId: string) =>
  getToolDataFlow({ actor: actorOf(await requirePageUser('dataFlow:read')), input: { toolId } }).catch(refusalOrNotFound),
);

export async function generateMetadata({ params }: { params: Promise<{ toolId: string }> }): Promise<Metadata> {
  const flow = await load((await params).toolId);
  return { title: flow ? `${flow.tool.name} · Data flow` : 'Tool not found' };
}

export default async function ToolDataFlowPage({ params }: { params: Promise<{ toolId: string }> }) {
  const me = await requirePageUser('dataFlow:read');
  const flow = await load((await params).toolId);
  if (!flow) notFound();
  const { tool, current, draft } = flow;
  const mayMap = can(me.role, 'dataFlow:map');
  const mayConfirm = can(me.role, 'dataFlow:confirm');
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/data-flows" className="text-indigo-700 hover:underline">
          ← Data flow maps
        </Link>{' '}
        ·{' '}
        <Link href={`/inventory/${tool.id}`} className="text-indigo-700 hover:underline">
          {tool.name} in the inventory
        </Link>
      </p>
      <PageHeader
        title={`Data flow of ${tool.name}`}
        actions={
          <div className="flex items-center gap-2 text-sm" data-testid="map-status">
            {current ? (
              <>
                <DataFlowStatusBadge status={current.status} review={current.reviewReasons.length > 0} /> revision{' '}
                {current.revision}
                {current.confirmedBy && (
                  <span>
                    · confirmed by {current.confirmedBy.name}, {formatDateTime(current.confirmedAt)}
                  </span>
                )}
              </>
            ) : (
              <span className="text-slate-600">Not mapped yet: the diagram shows the draft ToolLedger would derive</span>
            )}
          </div>
        }
      />
      {current && current.reviewReasons.length > 0 && (
        <Card title="Needs review">
          <div className="space-y-2 text-sm text-slate-700" data-testid="map-review">
            <p>
              Version {current.reviewVersion?.version ?? '(unknown)'} declares more than the version this map was written for, so
              ToolLedger redrafted the map from it and asks a person to look again:
            </p>
            <ul className="list-disc space-y-1 pl-5 font-medium text-rose-800" aria-label="Why the map needs review">
              {current.reviewReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            <p className="text-slate-600">
              {mayConfirm || mayMap
                ? 'Confirm the redrafted map as it stands, or edit and save it: either settles the review. The earlier versions stay below.'
                : 'A compliance officer or security reviewer confirms it again.'}
            </p>
          </div>
        </Card>
      )}
      <Card title="Diagram">
        <FlowDiagram layout={flow.layout} label={`Data flow of ${tool.name}`} />
      </Card>
      <DataFlowFacts flow={flow} />
      {flow.agents.length > 0 && (
        <p className="text-sm text-slate-700">
          In the diagrams of its agents:{' '}
          {flow.agents.map((a, i) => (
            <span key={a.id}>
              {i > 0 && ', '}
              <Link href={`/data-flows/agents/${a.id}`} className="text-indigo-700 hover:underline">
                {a.name}
              </Link>
            </span>
          ))}
        </p>
      )}
      {(mayMap || mayConfirm) && (
        <div className="flex flex-wrap gap-3">
          {mayConfirm && current?.status === 'DERIVED' && (
            <MapActionButton
              action={confirmDataFlowAction}
              fields={{ toolId: tool.id, mapId: current.id }}
              label="Confirm the derived map"
              done="Map confirmed."
              variant="primary"
            />
          )}
          {mayMap && (
            <MapActionButton
              action={deriveDataFlowAction}
              fields={{ toolId: tool.id, previousId: current?.id }}
              label={current ? 'Derive again from today’s facts' : 'Store the derived draft'}
              done="Draft derived."
            />
          )}
        </div>
      )}
      {mayMap && (
        <Card title={current ? 'Edit the map' : 'Map the data flow'}>
          <DataFlowForm
            key={current?.id ?? 'new'}
            action={saveDataFlowAction}
            toolId={tool.id}
            previousId={current?.id ?? null}
            versions={tool.versions}
            defaultVersionId={current ? current.toolVersionId : (draft.version?.id ?? null)}
            start={current?.content ?? draft.content}
          />
        </Card>
      )}
      {!current && draft.reasons.length > 0 && (
        <Card title="Why the draft says so">
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700" aria-label="Derivation reasons">
            {draft.reasons.map((r) => (
              <li key={`${r.subject}-${r.reason}`}>
                <span className="font-medium">{r.subject}</span>: {r.reason}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={`Versions (${flow.history.length})`}>
        {flow.history.length === 0 ? (
          <p className="text-sm text-slate-600">
            {mayMap ? 'Save the map, or store the derived draft, to start its history.' : 'A compliance officer maps this tool.'}
          </p>
        ) : (
          <DataFlowHistory history={flow.history} />
        )}
      </Card>
    </div>
  );
}
