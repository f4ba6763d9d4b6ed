import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { listApiKeys } from '@/lib/server/api-keys/list-api-keys';
import { listAgentOptions } from '@/lib/server/api-keys/list-agent-options';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { CreateApiKeyForm } from './create-api-key-form';
import { RevokeButton } from './revoke-button';

export const metadata: Metadata = { title: 'API keys' };

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function ApiKeysPage() {
  const me = await requirePageUser('apiKey:read');
  const manage = can(me.role, 'apiKey:manage');
  const [keys, agents] = await Promise.all([listApiKeys({ actor: actorOf(me), input: {} }), manage ? listAgentOptions({ actor: actorOf(me), input: {} }) : Promise.resolve([])]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="API keys"
        description={
          <>
            Machine credentials for agents and gateways (<code>Authorization: Bearer &lt;key&gt;</code>). Only a SHA-256 of each key is stored; a secret is shown once, when created.
            The API is described at <a className="text-indigo-700 underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
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
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="API keys">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">Name</th>
                <th scope="col" className="px-3 py-2">Key</th>
                <th scope="col" className="px-3 py-2">Scopes</th>
                <th scope="col" className="px-3 py-2">Agent</th>
                <th scope="col" className="px-3 py-2">Created</th>
                <th scope="col" className="px-3 py-2">Last used (UTC)</th>
                <th scope="col" className="px-3 py-2">Status</th>
                {manage && <th scope="col" className="px-3 py-2">Manage</th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((k) => {
                const expired = k.expired;
                const active = !k.revokedAt && !expired;
                return (
                  <tr key={k.id} data-testid={`api-key-row-${k.name}`} className={active ? undefined : 'bg-slate-50 text-slate-500'}>
                    <td className="px-3 py-2 font-medium">{k.name}</td>
                    <td className="px-3 py-2 font-mono text-xs">{k.prefix}…</td>
                    <td className="px-3 py-2">
                      <div className="flex gap-1">
                        {k.scopes.map((s) => (
                          <Badge key={s} tone="indigo">
                            {s.toLowerCase()}
                          </Badge>
                        ))}
                      </div>
                    </td>
                    <td className="px-3 py-2 font-mono text-xs">{k.agent?.name ?? 'any'}</td>
                    <td className="px-3 py-2 text-xs whitespace-nowrap">
                      {dateTime.format(k.createdAt)}
                      <div className="text-slate-500">{k.createdBy.email}</div>
                    </td>
                    <td className="px-3 py-2 text-xs whitespace-nowrap">{k.lastUsedAt ? dateTime.format(k.lastUsedAt) : 'never'}</td>
                    <td className="px-3 py-2">
                      {k.revokedAt ? (
                        <Badge tone="red">Revoked {dateTime.format(k.revokedAt)}</Badge>
                      ) : expired ? (
                        <Badge tone="yellow">Expired</Badge>
                      ) : (
                        <Badge tone="green">Active{k.expiresAt ? ` until ${dateTime.format(k.expiresAt)}` : ''}</Badge>
                      )}
                    </td>
                    {manage && <td className="px-3 py-2">{active && <RevokeButton id={k.id} name={k.name} />}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
