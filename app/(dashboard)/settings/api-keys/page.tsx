import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { listApiKeys } from '@/lib/server/api-keys/list-api-keys';
import { listAgentOptions } from '@/lib/server/api-keys/list-agent-options';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/tables/data-table';
import { apiKeyColumns } from '@/components/settings/api-key-columns';
import { EmptyState } from '@/components/ui/empty-state';
import { CreateApiKeyForm } from './create-api-key-form';
import { RevokeButton } from './revoke-button';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const me = await requirePageUser('apiKey:read');
  const manage = can(me.role, 'apiKey:manage');
  const [keys, agents] = await Promise.all([
    listApiKeys({ actor: actorOf(me), input: {} }),
    manage ? listAgentOptions({ actor: actorOf(me), input: {} }) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="API keys"
        description={
          <>
            Machine credentials for agents and gateways (<code>Authorization: Bearer &lt;key&gt;</code>). Only a SHA-256 of each
            key is stored; a secret is shown once, when created. The API is described at{' '}
            <a className="text-indigo-700 underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
            .
          </>
        }
      />
      {manage && (
        <Card title="Create a key">
          <CreateApiKeyForm agents={agents} />
        </Card>
      )}
      {keys.length === 0 ? (
        <EmptyState title="No API keys yet" />
      ) : (
        <DataTable
          label="API keys"
          columns={apiKeyColumns(
            manage ? (k) => !k.revokedAt && !k.expired && <RevokeButton id={k.id} name={k.name} /> : undefined,
          )}
          rows={keys}
          getRowId={(k) => k.id}
          rowTestId={(k) => `api-key-row-${k.name}`}
        />
      )}
    </div>
  );
}
