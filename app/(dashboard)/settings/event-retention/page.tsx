import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { getEventRetention } from '@/lib/server/invocations/event-retention';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import { ENVIRONMENTS } from '@/lib/validation/event-retention';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { RetentionForm } from './retention-form';

export const metadata: Metadata = { title: 'Event retention' };

export default async function EventRetentionPage() {
  const me = await requirePageUser('eventRetention:read');
  const manage = can(me.role, 'eventRetention:manage');
  const retention = await getEventRetention({ actor: actorOf(me), input: {} });
  return (
    <div className="space-y-6">
      <PageHeader
        title="Event retention"
        description={
          <>
            How long invocation events are kept, per environment of the agent that sent them. Events are stored in monthly
            partitions shared by every environment and hash-chained as one chain, so whole months are dropped once they are older
            than the longest retention below (now {retention.purgeDays} days); each drop records the last dropped event&apos;s
            hash in the audit trail, and the remaining chain verifies from it (ADR 0012).
          </>
        }
      />
      <Card>
        <table className="min-w-full text-sm" aria-label="Retention per environment">
          <thead>
            <tr className="text-left text-slate-600">
              <th className="py-2 pr-4 font-medium">Environment</th>
              <th className="py-2 pr-4 font-medium">Days kept</th>
              <th className="py-2 pr-4 font-medium">Source</th>
            </tr>
          </thead>
          <tbody>
            {ENVIRONMENTS.map((e) => {
              const r = retention.perEnvironment[e];
              return (
                <tr key={e} className="border-t border-slate-100" data-testid={`retention-${e}`}>
                  <td className="py-2 pr-4 font-medium">{ENVIRONMENT_LABELS[e]}</td>
                  <td className="py-2 pr-4">
                    {manage ? <RetentionForm environment={e} label={ENVIRONMENT_LABELS[e]} days={r.days} /> : r.days}
                  </td>
                  <td className="py-2 pr-4 text-slate-600">
                    {r.fromSetting ? `set ${formatDateTime(r.updatedAt)}` : 'default (TOOLLEDGER_EVENTS_RETENTION_DAYS)'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
