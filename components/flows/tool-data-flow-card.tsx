import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { ToolDataFlow } from '@/lib/server/data-flows/get-tool-data-flow';
import { DataClassList, DataFlowStatusBadge } from './data-flow-badges';

/** The tool page's data flow card: the current map in one line (or that it is not mapped), and the link. */
export function ToolDataFlowCard({ flow, canMap }: { flow: ToolDataFlow; canMap: boolean }) {
  const { current, summary, tool } = flow;
  const link = (
    <Link href={`/data-flows/${tool.id}`} className="text-indigo-700 hover:underline">
      {canMap ? (current ? 'Open or edit the map' : 'Map it from the derived draft') : 'Open the data flow'}
    </Link>
  );
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700" data-testid="tool-data-flow">
      {current ? (
        <>
          <DataFlowStatusBadge status={current.status} review={current.reviewReasons.length > 0} /> revision {current.revision}
          {current.reviewReasons.length > 0 && (
            <span className="text-rose-800">
              ({current.reviewVersion ? `version ${current.reviewVersion.version}: ` : ''}
              {current.reviewReasons.join('; ')})
            </span>
          )}
        </>
      ) : (
        <span>Not mapped yet; the derived draft says:</span>
      )}
      <span>carries</span>
      <DataClassList values={summary.dataClasses} />
      {summary.subprocessor ? (
        <Badge tone="red">Subprocessor: {summary.externalHosts.join(', ')}</Badge>
      ) : (
        <span>· stays inside the environment</span>
      )}
      {summary.excessInputs > 0 && <Badge tone="yellow">{summary.excessInputs} field(s) not needed</Badge>}
      <span>· {link}</span>
    </p>
  );
}
