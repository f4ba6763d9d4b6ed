import type { ColumnDef } from '@tanstack/react-table';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format';
import type { listWebhookDeliveries, listWebhookEndpoints } from '@/lib/server/webhooks/list-webhooks';

export type WebhookEndpointRow = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];
export type WebhookDeliveryRow = Awaited<ReturnType<typeof listWebhookDeliveries>>['rows'][number];

/** Endpoint columns; `manage` renders send-test and enable/disable for admins. */
export function webhookEndpointColumns(
  manage?: (e: WebhookEndpointRow) => React.ReactNode,
): ColumnDef<WebhookEndpointRow, unknown>[] {
  const columns: ColumnDef<WebhookEndpointRow, unknown>[] = [
    {
      id: 'url',
      header: 'URL',
      enableHiding: false,
      meta: { className: 'font-mono text-xs break-all' },
      cell: ({ row }) => row.original.url,
    },
    { id: 'description', header: 'Description', cell: ({ row }) => row.original.description || '—' },
    {
      id: 'events',
      header: 'Event types',
      meta: { className: 'text-xs' },
      cell: ({ row }) => (row.original.eventTypes.length ? row.original.eventTypes.join(' ') : 'every alert'),
    },
    { id: 'format', header: 'Body', cell: ({ row }) => (row.original.format === 'OCSF' ? 'OCSF 1.3.0' : 'Standard') },
    { id: 'secret', header: 'Secret', meta: { className: 'font-mono text-xs' }, cell: ({ row }) => row.original.secretHint },
    {
      id: 'state',
      header: 'State',
      cell: ({ row }) => (row.original.disabledAt ? <Badge tone="gray">disabled</Badge> : <Badge tone="green">enabled</Badge>),
    },
    { id: 'deliveries', header: 'Deliveries', cell: ({ row }) => row.original.deliveryCount },
  ];
  if (manage) columns.push({ id: 'actions', header: '', enableHiding: false, cell: ({ row }) => manage(row.original) });
  return columns;
}

const STATUS_TONE: Record<WebhookDeliveryRow['status'], BadgeTone> = { PENDING: 'yellow', SUCCEEDED: 'green', FAILED: 'red' };

export const webhookDeliveryColumns: ColumnDef<WebhookDeliveryRow, unknown>[] = [
  { id: 'created', header: 'Queued', cell: ({ row }) => formatDateTime(row.original.createdAt) },
  { id: 'type', header: 'Event type', meta: { className: 'font-mono text-xs' }, cell: ({ row }) => row.original.eventType },
  {
    id: 'endpoint',
    header: 'Endpoint',
    meta: { className: 'font-mono text-xs break-all' },
    cell: ({ row }) => row.original.endpoint.url,
  },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => <Badge tone={STATUS_TONE[row.original.status]}>{row.original.status.toLowerCase()}</Badge>,
  },
  { id: 'attempts', header: 'Attempts', cell: ({ row }) => row.original.attempts },
  { id: 'code', header: 'Response', cell: ({ row }) => row.original.lastStatusCode ?? '—' },
  {
    id: 'error',
    header: 'Last error',
    meta: { className: 'text-xs max-w-xs truncate' },
    cell: ({ row }) => row.original.lastError ?? '—',
  },
  {
    id: 'next',
    header: 'Next retry',
    cell: ({ row }) => (row.original.status === 'PENDING' ? formatDateTime(row.original.nextAttemptAt) : '—'),
  },
  { id: 'messageId', header: 'webhook-id', meta: { className: 'font-mono text-xs' }, cell: ({ row }) => row.original.messageId },
];
