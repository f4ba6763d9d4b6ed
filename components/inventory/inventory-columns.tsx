import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { Badge } from '@/components/ui/badge';
import { DIMENSIONS, DIMENSION_LABELS } from '@/lib/domain/permissions';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import type { InventoryRow } from '@/lib/server/inventory/find-tools-for-inventory';
import { LevelBadge, TierBadge, VerificationBadge } from './badges';

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const ENV_TONES = { PRODUCTION: 'red', STAGING: 'yellow', DEVELOPMENT: 'blue' } as const;

/** Inventory list columns; sortKey values are the server-side sorts of ZInventoryQuery. */
export const inventoryColumns: ColumnDef<InventoryRow, unknown>[] = [
  {
    id: 'name',
    header: 'Tool',
    meta: { sortKey: 'name' },
    cell: ({ row: { original: t } }) => (
      <div className="min-w-48">
        <Link href={`/inventory/${t.id}`} className="font-medium text-indigo-700 hover:underline" data-testid="tool-link">
          {t.name}
        </Link>
        {t.externalId !== t.name && <div className="font-mono text-xs text-slate-500">{t.externalId}</div>}
      </div>
    ),
  },
  {
    id: 'publisher',
    header: 'Publisher',
    meta: { sortKey: 'publisher' },
    cell: ({ row: { original: t } }) => (
      <div>
        <div data-testid="cell-publisher">{t.publisher.name}</div>
        <div className="text-xs text-slate-500">{t.registry.name}</div>
      </div>
    ),
  },
  { id: 'version', header: 'Latest', cell: ({ row: { original: t } }) => <span className="font-mono text-xs">{t.latestVersionName ?? '—'}</span> },
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
    cell: ({ row: { original: t } }) => (
      <dl className="grid grid-cols-[auto_auto] gap-x-2 gap-y-0.5 text-xs">
        {DIMENSIONS.map((d) => (
          <div key={d} className="contents" data-testid={`cell-${d}`} data-level={t[d]}>
            <dt className="text-slate-500">{DIMENSION_LABELS[d]}</dt>
            <dd>
              <LevelBadge dimension={d} level={t[d]} />
            </dd>
          </div>
        ))}
      </dl>
    ),
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
        <div className="flex flex-wrap gap-1" data-testid="cell-environments">
          {t.environments.map((e) => (
            <Badge key={e} tone={ENV_TONES[e]}>
              {ENVIRONMENT_LABELS[e]}
            </Badge>
          ))}
        </div>
      ) : (
        <span className="text-xs text-slate-400">not installed</span>
      ),
  },
  {
    id: 'updatedAt',
    header: 'Updated',
    meta: { sortKey: 'updatedAt', className: 'whitespace-nowrap' },
    cell: ({ row: { original: t } }) => day.format(t.updatedAt),
  },
];
