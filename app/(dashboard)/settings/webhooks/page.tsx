import type { Metadata } from 'next';
import { z } from 'zod';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { listWebhookDeliveries, listWebhookEndpoints } from '@/lib/server/webhooks/list-webhooks';
import { ZListWebhookDeliveriesInput } from '@/lib/validation/webhook';
import { buildHref, parseSearchParams } from '@/lib/validation/search-params';
import { ListFilters } from '@/components/list/list-filters';
import { filterFields, SelectFilter } from '@/components/list/filters';
import { Pagination } from '@/components/tables/pagination';
import { DataTable } from '@/components/tables/data-table';
import { webhookDeliveryColumns, webhookEndpointColumns } from '@/components/settings/webhook-columns';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount } from '@/components/ui/format';
import { CreateWebhookForm } from './create-webhook-form';
import { EndpointControls } from './endpoint-controls';

export const metadata: Metadata = { title: 'Webhooks' };

const ZPageQuery = z.object(ZListWebhookDeliveriesInput.shape);
type TPageQuery = z.infer<typeof ZPageQuery>;
const href = (q: Partial<TPageQuery>) => buildHref('/settings/webhooks', q, { page: 1 });

export default async function WebhooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requirePageUser('webhook:read');
  const manage = can(me.role, 'webhook:manage');
  const { query, issues } = parseSearchParams(ZPageQuery, await searchParams);
  const [endpoints, deliveries] = await Promise.all([
    listWebhookEndpoints({ actor: actorOf(me), input: {} }),
    listWebhookDeliveries({ actor: actorOf(me), input: query }),
  ]);
  const pages = Math.max(1, Math.ceil(deliveries.total / deliveries.pageSize));
  const f = filterFields(query, issues);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Webhooks"
        description={
          <>
            Every alert is POSTed to these endpoints, signed per the Standard Webhooks specification (<code>webhook-id</code>,{' '}
            <code>webhook-timestamp</code>, <code>webhook-signature</code>, HMAC-SHA256 with the endpoint&apos;s{' '}
            <code>whsec_</code> secret). A failed delivery is retried with backoff for about a day.
          </>
        }
      />
      {manage && (
        <Card title="Add an endpoint">
          <CreateWebhookForm />
        </Card>
      )}
      {endpoints.length === 0 ? (
        <EmptyState title="No webhook endpoints yet" />
      ) : (
        <DataTable
          label="Webhook endpoints"
          columns={webhookEndpointColumns(manage ? (e) => <EndpointControls id={e.id} enabled={!e.disabledAt} /> : undefined)}
          rows={endpoints}
          getRowId={(e) => e.id}
          rowTestId={(e) => `webhook-row-${e.url}`}
        />
      )}
      <h2 className="text-lg font-semibold text-slate-900">Delivery log</h2>
      <ListFilters query={query} issues={issues} path="/settings/webhooks" label="Delivery filters">
        <SelectFilter
          {...f('status')}
          label="Status"
          options={['PENDING', 'SUCCEEDED', 'FAILED'].map((s) => ({ value: s, label: s.toLowerCase() }))}
        />
        <SelectFilter {...f('endpointId')} label="Endpoint" options={endpoints.map((e) => ({ value: e.id, label: e.url }))} />
      </ListFilters>
      <p className="text-sm text-slate-600">{formatCount(deliveries.total, 'delivery', 'deliveries')}</p>
      {deliveries.rows.length === 0 ? (
        <EmptyState title="No deliveries match" />
      ) : (
        <DataTable
          label="Webhook deliveries"
          columns={webhookDeliveryColumns}
          rows={deliveries.rows}
          getRowId={(d) => d.id}
          rowData={(d) => ({ 'data-status': d.status })}
        />
      )}
      <Pagination label="Delivery pages" page={deliveries.page} pageCount={pages} href={(p) => href({ ...query, page: p })} />
    </div>
  );
}
