import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { DATA_CLASS_LABELS, DESTINATION_LABELS } from '@/lib/domain/data-flows/types';
import type { ToolDataFlow } from '@/lib/server/data-flows/get-tool-data-flow';
import { DataClassList, VendorReviewBadge } from './data-flow-badges';

/** The map in words beside its diagram: subprocessor or not, what it carries, minimization. */
export function DataFlowFacts({ flow }: { flow: ToolDataFlow }) {
  const content = flow.current?.content ?? flow.draft.content;
  const { summary, minimization } = flow;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title="Subprocessor">
        <div className="space-y-2 text-sm" data-testid="subprocessor-card">
          {summary.subprocessor ? (
            <>
              <p>
                <Badge tone="red">Subprocessor</Badge> data leaves the environment for{' '}
                <span className="font-medium">{summary.externalHosts.join(', ')}</span>.
              </p>
              <p className="flex flex-wrap items-center gap-2">
                Vendor: {flow.tool.publisher.name} <VendorReviewBadge review={flow.vendorReview} />
              </p>
            </>
          ) : (
            <p className="text-slate-700">Not a subprocessor: no destination leaves the environment.</p>
          )}
          <p className="flex flex-wrap items-center gap-2">
            Carries <DataClassList values={summary.dataClasses} />
          </p>
          <p>Processing: {content.processing}</p>
          <p>Retention: {content.retention}</p>
          <ul className="list-disc pl-5">
            {content.destinations.map((d, i) => (
              <li key={i}>
                {DESTINATION_LABELS[d.kind]}
                {d.host ? `: ${d.host}` : ''}
                {d.note ? ` (${d.note})` : ''}
              </li>
            ))}
          </ul>
        </div>
      </Card>
      <Card title="Data minimization">
        <div className="space-y-2 text-sm" data-testid="minimization-card">
          <p>
            Needs {minimization.needed.length} of the {minimization.received.length} field
            {minimization.received.length === 1 ? '' : 's'} it receives.
          </p>
          {minimization.excess.length === 0 ? (
            <p className="text-emerald-700">Every field it receives is needed.</p>
          ) : (
            <ul className="space-y-1" aria-label="Fields received but not needed">
              {minimization.excess.map((x) => (
                <li key={x.field} className="flex items-center gap-2">
                  <Badge tone={x.sensitive ? 'red' : 'yellow'}>not needed</Badge>
                  <span className="font-medium">{x.field}</span> ({DATA_CLASS_LABELS[x.classification]})
                  {x.sensitive && <span className="text-rose-700">: stop sending it</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      </Card>
    </div>
  );
}
