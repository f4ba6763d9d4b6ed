import { afterId, inPeriod, iso, paged } from './paged';
import type { TableSection } from './types';

/** Alert webhook deliveries queued in the period: the hand-off of alerts to the SIEM (issue 11.6). */
export const webhookDeliveriesSection: TableSection = {
  kind: 'webhook-deliveries',
  shape: 'table',
  columns: [
    'id',
    'endpoint',
    'eventType',
    'alertId',
    'messageId',
    'status',
    'attempts',
    'lastStatusCode',
    'lastError',
    'createdAt',
    'deliveredAt',
  ],
  async *rows({ db, scope }) {
    const deliveries = paged((after, take) =>
      db.webhookDelivery.findMany({
        where: { ...afterId(after), createdAt: inPeriod(scope) },
        orderBy: { id: 'asc' },
        take,
        omit: { body: true },
        include: { endpoint: { select: { url: true } } },
      }),
    );
    for await (const d of deliveries) {
      yield {
        id: d.id,
        endpoint: d.endpoint.url,
        eventType: d.eventType,
        alertId: d.alertId,
        messageId: d.messageId,
        status: d.status,
        attempts: d.attempts,
        lastStatusCode: d.lastStatusCode,
        lastError: d.lastError,
        createdAt: iso(d.createdAt),
        deliveredAt: iso(d.deliveredAt),
      };
    }
  },
};
