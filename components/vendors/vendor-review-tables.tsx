import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable } from '@/components/tables/data-table';
import { formatDate } from '@/components/ui/format';
import { PUBLISHER_TRUST_LABELS } from '@/lib/domain/vendors/suggest-publisher';
import type { PublisherReviewRow } from '@/lib/server/vendors/list-publisher-reviews';
import type { RegistryReviewRow } from '@/lib/server/vendors/list-registry-reviews';
import { VendorConclusionBadge, VendorRatingBadge, VendorReviewStatusBadge } from './vendor-badges';

type Review = PublisherReviewRow['review'];

function reviewColumns<R extends { review: Review; status: PublisherReviewRow['status'] }>(): ColumnDef<R, unknown>[] {
  return [
    { id: 'status', header: 'Review', cell: ({ row }) => <VendorReviewStatusBadge status={row.original.status} /> },
    {
      id: 'rating',
      header: 'Rating',
      cell: ({ row: { original: r } }) => (r.review ? <VendorRatingBadge rating={r.review.rating} /> : '—'),
    },
    {
      id: 'conclusion',
      header: 'Conclusion',
      cell: ({ row: { original: r } }) => (r.review ? <VendorConclusionBadge conclusion={r.review.conclusion} /> : '—'),
    },
    { id: 'owner', header: 'Owner', cell: ({ row }) => row.original.review?.owner ?? '—' },
    {
      id: 'nextReview',
      header: 'Next review',
      meta: { className: 'whitespace-nowrap' },
      cell: ({ row }) => (row.original.review ? formatDate(row.original.review.nextReviewAt) : '—'),
    },
  ];
}

const PUBLISHER_COLUMNS: ColumnDef<PublisherReviewRow, unknown>[] = [
  {
    id: 'publisher',
    header: 'Publisher',
    enableHiding: false,
    cell: ({ row: { original: r } }) => (
      <Link href={`/risks/publishers/${r.id}`} className="font-medium text-indigo-700 hover:underline">
        {r.name}
      </Link>
    ),
  },
  { id: 'registry', header: 'Registry', cell: ({ row }) => row.original.registry.name },
  { id: 'trust', header: 'Publisher trust', cell: ({ row }) => PUBLISHER_TRUST_LABELS[row.original.trustLevel] },
  {
    id: 'identity',
    header: 'Identity verified',
    cell: ({ row: { original: r } }) =>
      r.identityWithdrawnAt ? 'withdrawn' : r.identityVerifiedAt ? formatDate(r.identityVerifiedAt) : 'no',
  },
  { id: 'tools', header: 'Tools', cell: ({ row }) => row.original.tools },
  ...reviewColumns<PublisherReviewRow>(),
];

const REGISTRY_COLUMNS: ColumnDef<RegistryReviewRow, unknown>[] = [
  {
    id: 'registry',
    header: 'Registry',
    enableHiding: false,
    cell: ({ row: { original: r } }) => (
      <Link href={`/risks/registries/${r.id}`} className="font-medium text-indigo-700 hover:underline">
        {r.name}
      </Link>
    ),
  },
  { id: 'kind', header: 'Kind', cell: ({ row }) => row.original.kind.replace('_', ' ').toLowerCase() },
  { id: 'publishers', header: 'Publishers', cell: ({ row }) => row.original.publishers },
  { id: 'tools', header: 'Tools', cell: ({ row }) => row.original.tools },
  ...reviewColumns<RegistryReviewRow>(),
];

type Visibility = { hidden: readonly string[]; href: (hidden: string[]) => string };

export function PublisherReviewsTable({ rows, visibility }: { rows: PublisherReviewRow[]; visibility?: Visibility }) {
  return (
    <DataTable
      label="Publisher reviews"
      columns={PUBLISHER_COLUMNS}
      rows={rows}
      getRowId={(r) => r.id}
      rowTestId="publisher-row"
      visibility={visibility}
    />
  );
}

export function RegistryReviewsTable({ rows, visibility }: { rows: RegistryReviewRow[]; visibility?: Visibility }) {
  return (
    <DataTable
      label="Registry reviews"
      columns={REGISTRY_COLUMNS}
      rows={rows}
      getRowId={(r) => r.id}
      rowTestId="registry-row"
      visibility={visibility}
    />
  );
}
