import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getRegistry } from '@/lib/server/registries/list-registries';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { redactSecrets } from '@/lib/domain/redact-secrets';
import { REGISTRY_KIND_LABELS, RESERVED_CONFIG_KEYS } from '@/lib/validation/registry';
import { RegistryForm } from '../registry-form';

export const metadata: Metadata = { title: 'Edit registry' };

/**
 * Settings as the admin may edit them: without the app's own sample mark, and with any
 * secret-looking field (a key saved in settings before keys had their own field) masked.
 */
function editableConfig(config: unknown): string {
  if (!config || typeof config !== 'object') return '';
  const shown = redactSecrets(
    Object.fromEntries(Object.entries(config).filter(([k]) => !(RESERVED_CONFIG_KEYS as readonly string[]).includes(k))),
  );
  return Object.keys(shown as object).length > 0 ? JSON.stringify(shown) : '';
}

export default async function EditRegistryPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePageUser('registry:manage');
  const { id } = await params;
  const r = await getRegistry({ actor: actorOf(me), input: { id } }).catch(() => null);
  if (!r) notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Edit ${r.name}`}
        description={
          <>
            {REGISTRY_KIND_LABELS[r.kind]} registry. Changing the URL restarts the next sync from the beginning.{' '}
            <Link className="text-indigo-700 underline" href={`/registries/runs?registryId=${r.id}`}>
              Sync history
            </Link>
          </>
        }
      />
      <Card>
        <dl className="mb-4 text-sm">
          <dt className="inline font-medium text-slate-700">API key: </dt>
          <dd className="inline font-mono text-slate-600" data-testid="api-key-masked">
            {r.apiKeyHint
              ? r.apiKeyHint.startsWith('env:')
                ? `read from ${r.apiKeyHint}`
                : `•••• ${r.apiKeyHint.replace('…', '')} (encrypted)`
              : 'none'}
          </dd>
        </dl>
        <RegistryForm
          initial={{
            id: r.id,
            name: r.name,
            kind: r.kind,
            baseUrl: r.baseUrl,
            enabled: r.enabled,
            config: editableConfig(r.config),
            apiKeyHint: r.apiKeyHint,
          }}
        />
      </Card>
    </div>
  );
}
