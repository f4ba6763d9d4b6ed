import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { Badge } from '@/components/ui/badge';
import { formatDate } from '@/components/ui/format';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import type { InventoryRow } from '@/lib/server/inventory/find-tools-for-inventory';
import { TierBadge, VerificationBadge } from './badges';
import { PermissionStrip } from './permission-strip';

const ENV_TONES = { PRODUCTION: 'red', STAGING: 'yellow', DEVELOPMENT: 'blue' } as const;
// Short enough that a tool in all three environments still fits one line; the full name is the tooltip.
const ENV_SHORT = { PRODUCTION: 'Prod', STAGING: 'Staging', DEVELOPMENT: 'Dev' } as const;

/** Inventory list columns; sortKey values are the server-side sorts of ZInventoryQuery. */
export const inventoryColumns: ColumnDef<InventoryRow, unknown>[] = [
  {
    id: 'name',
    header: 'Tool',
    meta: { sortKey: 'name' },
    cell: ({ row: { original: t } }) => (
      <div className="min-w-44">
        <Link href={`/inventory/${t.id}`} className="font-medium text-indigo-700 hover:underline" data-testid="tool-link">
          {t.name}
        </Link>
        <div className="font-mono text-xs text-slate-500">
          {t.externalId !== t.name ? `${t.externalId} · ` : ''}
          {t.latestVersionName ?? 'no version'}
        </div>
      </div>
    ),
  },
  {
    id: 'publisher',
    header: 'Publisher',
    meta: { sortKey: 'publisher' },
    cell: ({ row: { original: t } }) => (
      <div className="max-w-44">
        <div data-testid="cell-publisher" className="truncate" title={t.publisher.name}>
          {t.publisher.name}
        </div>
        <div className="truncate text-xs text-slate-500" title={t.registry.name}>
          {t.registry.name}
        </div>
      </div>
    ),
  },
  {
    id: 'tier',
    header: 'Tier',
    meta: { sortKey: 'tier' },
    cell: ({ row: { original: t } }) => (
      <span data-testid="cell-tier" data-tier={t.tier}>
        <TierBadge tier={t.tier} />
      </span>
    ),
  },
  {
    id: 'trustScore',
    header: 'Score',
    meta: { sortKey: 'trustScore', className: 'text-right tabular-nums' },
    cell: ({ row: { original: t } }) => t.trustScore ?? '—',
  },
  {
    id: 'permissions',
    header: 'Permissions',
    cell: ({ row: { original: t } }) => <PermissionStrip permissions={t} />,
  },
  {
    id: 'verification',
    header: 'Verification',
    cell: ({ row: { original: t } }) => (
      <span data-testid="cell-verification" data-state={t.verificationState}>
        <VerificationBadge state={t.verificationState} />
      </span>
    ),
  },
  {
    id: 'environments',
    header: 'In use',
    cell: ({ row: { original: t } }) =>
      t.environments.length ? (
        <div className="flex gap-1" data-testid="cell-environments">
          {t.environments.map((e) => (
            <Badge key={e} tone={ENV_TONES[e]} title={ENVIRONMENT_LABELS[e]}>
              {ENV_SHORT[e]}
            </Badge>
          ))}
        </div>
      ) : (
        <span className="text-xs whitespace-nowrap text-slate-400">not installed</span>
      ),
  },
  {
    id: 'updatedAt',
    header: 'Updated',
    meta: { sortKey: 'updatedAt', className: 'whitespace-nowrap' },
    cell: ({ row: { original: t } }) => formatDate(t.updatedAt),
  },
];
