import type { Metadata } from 'next';
import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { listAuditorOptions, listEngagements, type EngagementListRow } from '@/lib/server/engagements/list-engagements';
import { ACCESS_LABELS } from '@/lib/domain/audits/access';
import { DataTable } from '@/components/tables/data-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDate } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { CreateEngagementForm } from './create-engagement-form';

export const metadata: Metadata = { title: 'Audits' };

const lastDay = (end: Date) => new Date(end.getTime() - 86_400_000);

const COLUMNS: ColumnDef<EngagementListRow, unknown>[] = [
  {
    id: 'name',
    header: 'Audit',
    cell: ({ row: { original: e } }) =>
      e.access === 'open' ? (
        <Link href={`/audits/${e.id}`} className="font-medium text-indigo-700 hover:underline">
          {e.name}
        </Link>
      ) : (
        <span className="font-medium text-slate-700">{e.name}</span>
      ),
  },
  { id: 'firm', header: 'Firm', cell: ({ row }) => row.original.firm },
  {
    id: 'period',
    header: 'Period (UTC)',
    meta: { className: 'whitespace-nowrap' },
    cell: ({ row: { original: e } }) => `${formatDate(e.periodStart)} – ${formatDate(lastDay(e.periodEnd))}`,
  },
  { id: 'scope', header: 'Scope', cell: ({ row: { original: e } }) => `${e.environments.join(', ')} · ${e.criteria.join(', ')}` },
  { id: 'auditors', header: 'Auditors', cell: ({ row }) => row.original.auditors.join(', ') },
  {
    id: 'access',
    header: 'Auditor access',
    meta: { className: 'whitespace-nowrap' },
    cell: ({ row: { original: e } }) => (
      <>
        {formatDate(e.accessOpensAt)} – {formatDate(e.accessClosesAt)}{' '}
        <Badge tone={e.access === 'open' ? 'green' : 'gray'}>{ACCESS_LABELS[e.access]}</Badge>
      </>
    ),
  },
];

/**
 * The auditor's home (ADR 0010) and the officers' list of audits. An auditor sees only the
 * audits assigned to them; one whose window is not open shows its dates and nothing inside.
 */
export default async function AuditsPage() {
  const user = await requirePageUser('engagement:read');
  const actor = actorOf(user);
  const rows = await listEngagements({ actor, input: {} });
  const auditor = user.role === 'AUDITOR';
  const open = rows.filter((r) => r.access === 'open');
  return (
    <div className="space-y-4">
      <PageHeader
        title="Audits"
        description={
          auditor
            ? 'The audits assigned to you. Each opens on its first access day and closes on its last; inside one you browse its populations, draw samples and request evidence.'
            : 'Audit engagements: the period under audit, its scope, the firm and the auditors assigned, with the days their access opens and closes.'
        }
      />
      {auditor && open.length === 0 && (
        <div
          role="status"
          data-testid="no-access"
          className="rounded-md bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          <p className="font-medium">No audit is open to you now.</p>
          <p className="mt-1">
            You can sign in, but you see no records until an audit assigned to you opens. Ask the compliance officer who set it
            up.
          </p>
        </div>
      )}
      {rows.length === 0 ? (
        <EmptyState title="No audits yet">{auditor ? 'None is assigned to you.' : 'Create one below.'}</EmptyState>
      ) : (
        <DataTable label="Audits" columns={COLUMNS} rows={rows} getRowId={(r) => r.id} rowTestId="audit-row" />
      )}
      {can(user.role, 'engagement:manage') && (
        <Card title="Create an audit">
          <CreateEngagementForm auditors={await listAuditorOptions({ actor, input: {} })} />
        </Card>
      )}
    </div>
  );
}
