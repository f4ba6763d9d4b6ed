import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/tables/data-table';
import { registryColumns } from '@/components/registries/registry-columns';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { listRegistries } from '@/lib/server/registries/list-registries';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { RegistryForm } from './registry-form';
import { EnableToggle, TestConnectionButton } from './registry-row-actions';
import { SyncNowButton } from './sync-now-button';
import { SyncStatusBadge } from './sync-status';

export const metadata: Metadata = { title: 'Registries' };

export default async function RegistriesPage() {
  const me = await requirePageUser('registry:read');
  const manage = can(me.role, 'registry:manage');
  const sync = can(me.role, 'registry:sync');
  const registries = await listRegistries({ actor: actorOf(me), input: {} });
  return (
    <div className="space-y-6">
      <PageHeader
        title="Registries"
        description="Where tools and their verification evidence come from. Each sync stores new versions and verification runs as immutable records and raises alerts for what changed."
        actions={
          <Link href="/registries/runs" className={buttonClass('secondary', 'sm')}>
            Sync history
          </Link>
        }
      />
      {registries.length === 0 ? (
        <EmptyState title="No registry connected yet">
          {manage ? 'Add one below.' : 'An administrator connects registries.'}
        </EmptyState>
      ) : (
        <DataTable
          label="Registries"
          columns={registryColumns(
            (r) => (
              <SyncStatusBadge status={r.lastRun?.status ?? r.lastSyncStatus} />
            ),
            sync || manage
              ? (r) => (
                  <>
                    {sync && <SyncNowButton registryId={r.id} registryName={r.name} disabled={!r.enabled} />}
                    {manage && (
                      <div className="flex flex-wrap items-start gap-2">
                        <TestConnectionButton registryId={r.id} registryName={r.name} />
                        <EnableToggle registryId={r.id} registryName={r.name} enabled={r.enabled} />
                        <Link href={`/registries/${r.id}`} className={buttonClass('ghost', 'sm')} aria-label={`Edit ${r.name}`}>
                          Edit
                        </Link>
                      </div>
                    )}
                  </>
                )
              : undefined,
          )}
          rows={registries}
          getRowId={(r) => r.id}
          rowTestId={(r) => `registry-row-${r.name}`}
        />
      )}
      {manage && (
        <Card title="Add a registry">
          <RegistryForm />
        </Card>
      )}
    </div>
  );
}
