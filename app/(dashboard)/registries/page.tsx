import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { listRegistries } from '@/lib/server/registries/list-registries';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { REGISTRY_KIND_LABELS } from '@/lib/validation/registry';
import { RegistryForm } from './registry-form';
import { EnableToggle, TestConnectionButton } from './registry-row-actions';
import { SyncNowButton } from './sync-now-button';
import { dateTime, SyncStatusBadge } from './sync-status';

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
        <EmptyState title="No registry connected yet">{manage ? 'Add one below.' : 'An administrator connects registries.'}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Registries">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">Registry</th>
                <th scope="col" className="px-3 py-2">Tools</th>
                <th scope="col" className="px-3 py-2">Last sync (UTC)</th>
                {(sync || manage) && <th scope="col" className="px-3 py-2">Actions</th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {registries.map((r) => (
                <tr key={r.id} data-testid={`registry-row-${r.name}`} className={r.enabled ? undefined : 'bg-slate-50 text-slate-500'}>
                  <td className="px-3 py-2 align-top">
                    <div className="font-medium">{r.name}</div>
                    <div className="mt-1 flex flex-wrap items-center gap-1">
                      <Badge tone="indigo">{REGISTRY_KIND_LABELS[r.kind]}</Badge>
                      {!r.enabled && <Badge>Disabled</Badge>}
                    </div>
                    <div className="mt-1 font-mono text-xs text-slate-500">{r.baseUrl}</div>
                    {typeof (r.config as { note?: unknown } | null)?.note === 'string' && <p className="mt-1 text-xs text-slate-500">{(r.config as { note: string }).note}</p>}
                  </td>
                  <td className="px-3 py-2 align-top tabular-nums">{r.toolCount}</td>
                  <td className="px-3 py-2 align-top text-xs">
                    <SyncStatusBadge status={r.lastRun?.status ?? r.lastSyncStatus} />
                    {r.lastSyncAt && <div className="mt-1">{dateTime.format(r.lastSyncAt)}</div>}
                    {r.lastRun && (
                      <div className="text-slate-500">
                        {r.lastRun.toolsSeen} tools · {r.lastRun.versionsCreated} new versions · {r.lastRun.recordsCreated} new records · {r.lastRun.alertsRaised} alerts
                      </div>
                    )}
                    {r.lastSyncError && <p className="mt-1 max-w-md text-rose-700">{r.lastSyncError}</p>}
                    {r.syncCursor && <p className="mt-1 text-amber-700">Next run resumes at {r.syncCursor}</p>}
                    <Link className="mt-1 block text-indigo-700 underline" href={`/registries/runs?registryId=${r.id}`}>
                      History
                    </Link>
                  </td>
                  {(sync || manage) && (
                    <td className="space-y-2 px-3 py-2 align-top">
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
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manage && (
        <Card title="Add a registry">
          <RegistryForm />
        </Card>
      )}
    </div>
  );
}
