import { ZRecordId } from '@/lib/validation/inventory';
import { parseSearchBox } from '@/lib/validation/search-params';
import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { getRequestFormContext } from '@/lib/server/inventory/get-request-form-context';
import { getRequestFormOptions } from '@/lib/server/change-requests/get-request-form-options';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Button } from '@/components/ui/button';
import { NewRequestForm } from './new-request-form';

export const metadata: Metadata = { title: 'New change request' };

const pick = (v: string | string[] | undefined) => (typeof v === 'string' && v.length <= 64 ? v : undefined);

const KEPT = ['kind', 'environment', 'agentId', 'toolId'] as const;

/**
 * The tool picker is searched on the server (a catalogue of 100,000 tools is never sent whole):
 * a GET form that keeps the other prefilled choices and narrows the tool versions offered.
 */
function ToolSearch({
  issue,
  search,
  shown,
  total,
  keep,
}: {
  search: string;
  issue?: string;
  shown: number;
  total: number;
  keep: Record<string, string | string[] | undefined>;
}) {
  return (
    <form className="flex flex-wrap items-center gap-2 text-sm" role="search" aria-label="Find a tool">
      {KEPT.map((k) => {
        const v = pick(keep[k]);
        return v ? <input key={k} type="hidden" name={k} value={v} /> : null;
      })}
      <input
        name="q"
        type="search"
        defaultValue={search}
        aria-label="Search tools by name"
        placeholder="Search tools by name…"
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? 'tool-search-issue' : undefined}
        className="w-64 rounded-md border border-slate-300 px-2 py-1"
      />
      {issue && (
        <span id="tool-search-issue" role="alert" className="text-red-700">
          {issue}
        </span>
      )}
      <Button type="submit" variant="secondary" size="sm">
        Search
      </Button>
      <span className="text-slate-600" data-testid="tool-choices-count">
        {total > shown ? `Showing ${shown} of ${total} tools: search to narrow.` : search ? `${total} tools match.` : ''}
      </span>
    </form>
  );
}

/** Prefill from the query string (?toolId=…&toolVersionId=…&environment=…&kind=…), e.g. a tool page's "Request for environment" link. */
export default async function NewChangeRequestPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requirePageUser('changeRequest:create');
  const sp = await searchParams;
  const { search: toolSearch, issue: searchIssue } = parseSearchBox(sp.q);
  // A prefill is a convenience from another page's link: a malformed one is ignored, not a 500.
  const prefillToolId = ZRecordId.safeParse(pick(sp.toolId)).success ? pick(sp.toolId) : undefined;
  const [{ agents, versions, toolTotal, toolsShown }, context] = await Promise.all([
    getRequestFormOptions({ actor: actorOf(me), input: { toolId: prefillToolId, q: toolSearch } }),
    getRequestFormContext({ actor: actorOf(me), input: {} }),
  ]);
  const toolVersionId = pick(sp.toolVersionId) ?? versions.find((v) => v.toolId === prefillToolId)?.id;
  return (
    <div className="space-y-6">
      <PageHeader
        title="New change request"
        description="The policy evaluation is recorded with the request and the version's artifact digest is pinned: approval covers exactly that artifact."
      />
      <ToolSearch search={toolSearch} issue={searchIssue} shown={toolsShown} total={toolTotal} keep={sp} />
      {(versions.length === 0 && !toolSearch) || agents.length === 0 ? (
        <EmptyState title={versions.length === 0 ? 'No tools in the inventory yet' : 'No agents registered yet'}>
          Sync a registry or register an agent first.
        </EmptyState>
      ) : (
        <Card>
          <NewRequestForm
            agents={agents}
            versions={versions}
            context={context}
            initial={{ kind: pick(sp.kind), toolVersionId, environment: pick(sp.environment), agentId: pick(sp.agentId) }}
          />
        </Card>
      )}
    </div>
  );
}
