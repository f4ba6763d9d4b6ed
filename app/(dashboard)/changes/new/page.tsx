import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { getRequestFormContext } from '@/lib/server/inventory/get-request-form-context';
import { getRequestFormOptions } from '@/lib/server/change-requests/get-request-form-options';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { NewRequestForm } from './new-request-form';

export const metadata: Metadata = { title: 'New change request' };

const pick = (v: string | string[] | undefined) => (typeof v === 'string' && v.length <= 64 ? v : undefined);

/** Prefill from the query string (?toolId=…&toolVersionId=…&environment=…&kind=…), e.g. a tool page's "Request for environment" link. */
export default async function NewChangeRequestPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requirePageUser('changeRequest:create');
  const sp = await searchParams;
  const [{ agents, versions }, context] = await Promise.all([
    getRequestFormOptions({ actor: actorOf(me), input: { toolId: pick(sp.toolId) } }),
    getRequestFormContext({ actor: actorOf(me), input: {} }),
  ]);
  const toolVersionId = pick(sp.toolVersionId) ?? versions.find((v) => v.toolId === pick(sp.toolId))?.id;
  return (
    <div className="space-y-6">
      <PageHeader
        title="New change request"
        description="The policy evaluation is recorded with the request and the version's artifact digest is pinned: approval covers exactly that artifact."
      />
      {versions.length === 0 || agents.length === 0 ? (
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
