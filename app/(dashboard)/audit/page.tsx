import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { listAuditEntityTypes, listAuditEvents } from '@/lib/server/audit/list-audit-events';
import { parseAuditFilter, type TAuditFilterInput } from '@/lib/validation/audit';
import { fieldErrorsOf } from '@/lib/server/guards/action-result';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { buttonClass } from '@/components/ui/button';
import { AuditFilters } from './audit-filters';
import { AuditDiff } from './audit-diff';
import { VerifyChain } from './verify-chain';
import { AuditCheckpoint } from './audit-checkpoint';

export const metadata: Metadata = { title: 'Audit trail' };

const ACTOR_TONES = { USER: 'blue', API_KEY: 'indigo', SYSTEM: 'gray' } as const;
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

function pageHref(filter: TAuditFilterInput, cursor: { before?: string; after?: string }): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, before: undefined, after: undefined, ...cursor })) if (v) params.set(k, v);
  return `/audit?${params.toString()}`;
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requirePageUser('audit:read');
  const { filter, issues } = parseAuditFilter(await searchParams);
  const [page, entityTypes] = await Promise.all([listAuditEvents(filter), listAuditEntityTypes()]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit trail"
        description="Every change any person or machine made, newest first. The table is append-only in the database and hash-chained: verifying recomputes every link."
      />
      {can(me.role, 'audit:verify') && (
        <Card title="Chain integrity">
          <VerifyChain />
          <AuditCheckpoint />
        </Card>
      )}
      <Card title="Filters">
        <AuditFilters filter={filter} entityTypes={entityTypes} errors={fieldErrorsOf(issues)} />
      </Card>
      {page.rows.length === 0 ? (
        <EmptyState title="No audit records match">Change or clear the filters.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="w-full min-w-[64rem] table-fixed divide-y divide-slate-200 text-sm" aria-label="Audit records">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="w-14 px-3 py-2">
                  #
                </th>
                <th scope="col" className="w-40 px-3 py-2">
                  When (UTC)
                </th>
                <th scope="col" className="w-48 px-3 py-2">
                  Actor
                </th>
                <th scope="col" className="w-44 px-3 py-2">
                  Action
                </th>
                <th scope="col" className="w-44 px-3 py-2">
                  Entity
                </th>
                <th scope="col" className="px-3 py-2">
                  Changes
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {page.rows.map((e) => (
                <tr key={e.seq} data-testid="audit-row">
                  <td className="px-3 py-2 font-mono text-xs text-slate-500" title={`hash ${e.hash}`}>
                    {e.seq}
                  </td>
                  <td className="px-3 py-2 text-xs">{dateTime.format(e.occurredAt)}</td>
                  <td className="px-3 py-2">
                    <Badge tone={ACTOR_TONES[e.actorType]}>{e.actorType.replace('_', ' ').toLowerCase()}</Badge>{' '}
                    <Link className="text-xs break-all hover:underline" href={pageHref({ actor: e.actorId ?? e.actorLabel }, {})}>
                      {e.actorLabel}
                    </Link>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs break-all">{e.action}</td>
                  <td className="px-3 py-2">
                    <Link
                      className="text-indigo-700 hover:underline"
                      href={pageHref({ entityType: e.entityType, entityId: e.entityId }, {})}
                    >
                      {e.entityType} <span className="font-mono text-xs break-all">{e.entityId}</span>
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <AuditDiff before={e.before} after={e.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Audit pages" className="flex justify-between">
        {page.newerThan ? (
          <Link className={buttonClass('secondary', 'sm')} href={pageHref(filter, { after: page.newerThan })}>
            ← Newer
          </Link>
        ) : (
          <span />
        )}
        {page.olderThan && (
          <Link className={buttonClass('secondary', 'sm')} href={pageHref(filter, { before: page.olderThan })}>
            Older →
          </Link>
        )}
      </nav>
    </div>
  );
}
