import { can } from '@/lib/auth/permissions';
import { getLatestCheckpoint } from '@/lib/server/audit/get-latest-checkpoint';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { RecordCheckpointButton } from './record-checkpoint-button';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

/** The newest signed checkpoint of the chain (issue 7.9), and for admins a button to take one now. */
export async function AuditCheckpoint() {
  const me = await requirePageUser('audit:read');
  const latest = await getLatestCheckpoint({ actor: actorOf(me), input: {} });
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-3 text-sm" data-testid="audit-checkpoint">
      {latest ? (
        <p>
          Last signed checkpoint: record <span className="font-mono">#{latest.headSeq}</span>{' '}
          <span className="font-mono text-xs text-slate-500" title={latest.headHash}>
            {latest.headHash.slice(0, 12)}…
          </span>{' '}
          at {dateTime.format(new Date(latest.createdAt))} UTC (
          {latest.trigger === 'SCHEDULE' ? 'scheduled' : `by ${latest.actorLabel}`}).
        </p>
      ) : (
        <p className="text-slate-600">No signed checkpoint yet: the first is taken by the schedule once the chain has records.</p>
      )}
      {can(me.role, 'audit:checkpoint') && <RecordCheckpointButton />}
    </div>
  );
}
