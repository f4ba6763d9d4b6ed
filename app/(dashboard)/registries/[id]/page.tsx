import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getRegistry } from '@/lib/server/registries/list-registries';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { REGISTRY_KIND_LABELS } from '@/lib/validation/registry';
import { RegistryForm } from '../registry-form';

export const metadata: Metadata = { title: 'Edit registry' };

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
        <RegistryForm
          initial={{ id: r.id, name: r.name, kind: r.kind, baseUrl: r.baseUrl, enabled: r.enabled, config: r.config && Object.keys(r.config).length > 0 ? JSON.stringify(r.config, null, 0) : '' }}
        />
      </Card>
    </div>
  );
}
