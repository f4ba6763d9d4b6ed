import type { ColumnDef } from '@tanstack/react-table';
import type { AllowlistRow } from '@/lib/server/change-requests/list-allowlist';
import { ALLOWLIST_STATUS_LABELS, checkAllowlistReview, type AllowlistStatus } from '@/lib/domain/change-requests/state-machine';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import { TIER_LABELS } from '@/lib/domain/tiers';
import { DataTable } from '@/components/tables/data-table';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format';
import { DecideAllowlistEntryForm, RevokeAllowlistButton } from './allowlist-forms';

const STATUS_TONES: Record<AllowlistStatus, BadgeTone> = {
  PENDING: 'yellow',
  APPROVED: 'green',
  REJECTED: 'red',
  REVOKED: 'gray',
};

const by = (name: string, at: Date) => `${name} · ${formatDateTime(at)} UTC`;

function Reviewed({ entry }: { entry: AllowlistRow }) {
  if (entry.approvedBy && entry.approvedAt) return <>{by(entry.approvedBy.name, entry.approvedAt)}</>;
  if (entry.rejectedBy && entry.rejectedAt)
    return (
      <>
        {by(entry.rejectedBy.name, entry.rejectedAt)}
        {entry.reviewComment && <span className="block text-slate-600">“{entry.reviewComment}”</span>}
      </>
    );
  return <span className="text-slate-500">—</span>;
}

/** Approve/reject for the second person; the creator sees why they cannot (the same rule the server applies). */
function ReviewControl({ entry, userId }: { entry: AllowlistRow; userId: string }) {
  if (entry.status !== 'PENDING') return null;
  const check = checkAllowlistReview({ status: entry.status, userId, createdById: entry.createdById });
  if (check.ok) return <DecideAllowlistEntryForm id={entry.id} tool={entry.tool.name} />;
  return (
    <p className="text-xs text-amber-900" data-testid="allowlist-sod-note">
      {check.reason}.
    </p>
  );
}

function columns(userId: string, manage: boolean, approve: boolean): ColumnDef<AllowlistRow, unknown>[] {
  const cols: ColumnDef<AllowlistRow, unknown>[] = [
    {
      id: 'tool',
      header: 'Tool',
      meta: { className: 'font-medium' },
      cell: ({ row: { original: e } }) => (
        <>
          {e.tool.name}
          <span className="ml-1 text-xs text-slate-500">{TIER_LABELS[e.tool.tier]}</span>
        </>
      ),
    },
    {
      id: 'environment',
      header: 'Environment',
      cell: ({ row }) => ENVIRONMENT_LABELS[row.original.environment],
    },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row: { original: e } }) => <Badge tone={STATUS_TONES[e.status]}>{ALLOWLIST_STATUS_LABELS[e.status]}</Badge>,
    },
    {
      id: 'note',
      header: 'Note',
      meta: { className: 'text-slate-600' },
      cell: ({ row }) => row.original.note || '—',
    },
    {
      id: 'added',
      header: 'Added by',
      cell: ({ row: { original: e } }) => by(e.createdBy.name, e.createdAt),
    },
    {
      id: 'reviewed',
      header: 'Reviewed by',
      cell: ({ row }) => <Reviewed entry={row.original} />,
    },
  ];
  if (manage || approve)
    cols.push({
      id: 'actions',
      header: 'Actions',
      meta: { className: 'space-y-1' },
      cell: ({ row: { original: e } }) => (
        <>
          {approve && <ReviewControl entry={e} userId={userId} />}
          {manage && (e.status === 'PENDING' || e.status === 'APPROVED') && <RevokeAllowlistButton id={e.id} />}
        </>
      ),
    });
  return cols;
}

/** Allowlist entries on the shared DataTable; each row carries its status for tests and styles. */
export function AllowlistTable({
  rows,
  userId,
  manage,
  approve,
}: {
  rows: AllowlistRow[];
  userId: string;
  manage: boolean;
  approve: boolean;
}) {
  return (
    <DataTable
      label="Allowlist"
      columns={columns(userId, manage, approve)}
      rows={rows}
      getRowId={(e) => e.id}
      rowTestId="allowlist-row"
      rowData={(e) => ({ 'data-status': e.status })}
    />
  );
}
